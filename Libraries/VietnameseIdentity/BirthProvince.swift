/// A province-level unit whose code opens a 12-digit citizen ID: where the holder's birth was
/// registered.
///
/// The codes are those of Circular 07/2016/TT-BCA, appendix 1 ("Bảng danh mục mã tỉnh, thành
/// phố trực thuộc trung ương nơi công dân đăng ký khai sinh"), 63 units. A personal ID
/// number is assigned once and does not change, so numbers carrying the code of a province
/// merged away in 2025 (say 049 Quảng Nam) stay valid: the table keeps all 63 codes, with
/// the names in force when they were issued.
///
/// The table is data. Which codes births registered after the 1 July 2025 reorganisation
/// receive was not confirmed when it was written; when the ministry publishes codes for new
/// units, add rows here.
public struct BirthProvince: Sendable, Hashable {
    /// The three-digit code, e.g. `"049"`.
    public let code: String
    /// The unit's name as the circular writes it, e.g. `"Quảng Nam"`.
    public let name: String

    /// - Parameters:
    ///   - code: the three-digit code.
    ///   - name: the unit's name.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// Finds the unit for a three-digit code.
    ///
    /// - Parameter code: three ASCII digits.
    /// - Returns: the unit, or `nil` when no unit has this code.
    public static func withCode(_ code: String) -> BirthProvince? {
        byCode[code]
    }

    private static let byCode: [String: BirthProvince] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Every code in Circular 07/2016/TT-BCA appendix 1, in the circular's order.
    public static let all: [BirthProvince] = [
        BirthProvince(code: "001", name: "Hà Nội"),
        BirthProvince(code: "002", name: "Hà Giang"),
        BirthProvince(code: "004", name: "Cao Bằng"),
        BirthProvince(code: "006", name: "Bắc Kạn"),
        BirthProvince(code: "008", name: "Tuyên Quang"),
        BirthProvince(code: "010", name: "Lào Cai"),
        BirthProvince(code: "011", name: "Điện Biên"),
        BirthProvince(code: "012", name: "Lai Châu"),
        BirthProvince(code: "014", name: "Sơn La"),
        BirthProvince(code: "015", name: "Yên Bái"),
        BirthProvince(code: "017", name: "Hòa Bình"),
        BirthProvince(code: "019", name: "Thái Nguyên"),
        BirthProvince(code: "020", name: "Lạng Sơn"),
        BirthProvince(code: "022", name: "Quảng Ninh"),
        BirthProvince(code: "024", name: "Bắc Giang"),
        BirthProvince(code: "025", name: "Phú Thọ"),
        BirthProvince(code: "026", name: "Vĩnh Phúc"),
        BirthProvince(code: "027", name: "Bắc Ninh"),
        BirthProvince(code: "030", name: "Hải Dương"),
        BirthProvince(code: "031", name: "Hải Phòng"),
        BirthProvince(code: "033", name: "Hưng Yên"),
        BirthProvince(code: "034", name: "Thái Bình"),
        BirthProvince(code: "035", name: "Hà Nam"),
        BirthProvince(code: "036", name: "Nam Định"),
        BirthProvince(code: "037", name: "Ninh Bình"),
        BirthProvince(code: "038", name: "Thanh Hóa"),
        BirthProvince(code: "040", name: "Nghệ An"),
        BirthProvince(code: "042", name: "Hà Tĩnh"),
        BirthProvince(code: "044", name: "Quảng Bình"),
        BirthProvince(code: "045", name: "Quảng Trị"),
        BirthProvince(code: "046", name: "Thừa Thiên Huế"),
        BirthProvince(code: "048", name: "Đà Nẵng"),
        BirthProvince(code: "049", name: "Quảng Nam"),
        BirthProvince(code: "051", name: "Quảng Ngãi"),
        BirthProvince(code: "052", name: "Bình Định"),
        BirthProvince(code: "054", name: "Phú Yên"),
        BirthProvince(code: "056", name: "Khánh Hòa"),
        BirthProvince(code: "058", name: "Ninh Thuận"),
        BirthProvince(code: "060", name: "Bình Thuận"),
        BirthProvince(code: "062", name: "Kon Tum"),
        BirthProvince(code: "064", name: "Gia Lai"),
        BirthProvince(code: "066", name: "Đắk Lắk"),
        BirthProvince(code: "067", name: "Đắk Nông"),
        BirthProvince(code: "068", name: "Lâm Đồng"),
        BirthProvince(code: "070", name: "Bình Phước"),
        BirthProvince(code: "072", name: "Tây Ninh"),
        BirthProvince(code: "074", name: "Bình Dương"),
        BirthProvince(code: "075", name: "Đồng Nai"),
        BirthProvince(code: "077", name: "Bà Rịa - Vũng Tàu"),
        BirthProvince(code: "079", name: "Hồ Chí Minh"),
        BirthProvince(code: "080", name: "Long An"),
        BirthProvince(code: "082", name: "Tiền Giang"),
        BirthProvince(code: "083", name: "Bến Tre"),
        BirthProvince(code: "084", name: "Trà Vinh"),
        BirthProvince(code: "086", name: "Vĩnh Long"),
        BirthProvince(code: "087", name: "Đồng Tháp"),
        BirthProvince(code: "089", name: "An Giang"),
        BirthProvince(code: "091", name: "Kiên Giang"),
        BirthProvince(code: "092", name: "Cần Thơ"),
        BirthProvince(code: "093", name: "Hậu Giang"),
        BirthProvince(code: "094", name: "Sóc Trăng"),
        BirthProvince(code: "095", name: "Bạc Liêu"),
        BirthProvince(code: "096", name: "Cà Mau"),
    ]
}
