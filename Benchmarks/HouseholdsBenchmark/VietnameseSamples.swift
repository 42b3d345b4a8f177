import BenchmarkSupport
/// Word lists from which the generator composes plausible Vietnamese names, addresses and
/// residence-confirmation issuers, with their diacritics, so the import paths see real UTF-8.
enum VietnameseSamples {
    static let surnames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lương", "Châu",
    ]
    static let middleNames = [
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Thu",
        "Công", "Thị Kim", "Bảo", "Gia", "Anh",
    ]
    static let givenNames = [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiền",
        "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga",
        "Nhung", "Phong", "Phúc", "Phương", "Quang", "Quyên", "Sơn", "Tâm", "Thảo", "Thắng",
        "Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Tuyết", "Vân", "Việt", "Yến", "Ánh",
    ]
    static let communes = [
        "Tam Thăng", "Tam Phú", "Tam Ngọc", "Tam Thanh", "Tam Xuân", "Tam Anh Nam", "Điện Thắng",
        "Điện Hòa", "Duy Xuyên", "Quế Sơn", "Bình Dương", "Bình Triều", "Tiên Cảnh", "Đại Lộc",
        "Hòa Khánh", "Hòa Tiến", "Nghĩa Hành", "Tịnh Khê", "Đức Phổ", "Sơn Tịnh",
    ]
    static let wards = [
        "An Mỹ", "An Sơn", "Hòa Thuận", "Phước Hòa", "Trường Xuân", "Tân Thạnh", "Cẩm Phô",
        "Minh An", "Thanh Hà", "Hải Châu", "Thạch Thang", "Nghĩa Chánh",
    ]
    static let streets = [
        "Phan Châu Trinh", "Hùng Vương", "Trần Cao Vân", "Lê Lợi", "Nguyễn Huệ", "Bạch Đằng",
        "Huỳnh Thúc Kháng", "Trưng Nữ Vương", "Quang Trung", "Điện Biên Phủ",
    ]
    static let provinces = ["Quảng Nam", "Đà Nẵng", "Quảng Ngãi", "Thừa Thiên Huế", "Bình Định"]

    /// A full name: surname, middle name, given name.
    static func name(using rng: inout SeededGenerator) -> String {
        "\(rng.pick(surnames)) \(rng.pick(middleNames)) \(rng.pick(givenNames))"
    }

    /// An address with commas (so the CSV writer quotes it); now and then one with a quoted
    /// place name, so RFC 4180's doubled quotes are exercised too.
    static func address(urban: Bool, using rng: inout SeededGenerator) -> String {
        let province = rng.pick(provinces)
        if urban {
            let house = Int.random(in: 1...480, using: &rng)
            let street = rng.chance(0.01) ? "kiệt \"Chợ Mới\" \(rng.pick(streets))" : rng.pick(streets)
            return "\(house) \(street), phường \(rng.pick(wards)), \(province)"
        }
        return "Thôn \(Int.random(in: 1...12, using: &rng)), xã \(rng.pick(communes)), \(province)"
    }

    /// Who confirmed a residence: a commune's or ward's police, e.g. `Công an xã Tam Thăng`.
    static func confirmationIssuer(using rng: inout SeededGenerator) -> String {
        rng.chance(0.7) ? "Công an xã \(rng.pick(communes))" : "Công an phường \(rng.pick(wards))"
    }
}
