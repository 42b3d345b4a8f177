import Contracts

extension ServiceAreaTable {
    /// A dozen real communes and wards of Đà Nẵng and Quảng Nam, for development and tests.
    ///
    /// Commune codes are the national statistical codes in force before the July 2025
    /// reorganisation, with the province they had then. The branch codes and the hotline
    /// (EVNCPC's customer-care number) are illustrative: production loads the real list
    /// through `SERVICE_AREAS_FILE`.
    public static let builtIn: ServiceAreaTable = {
        let haiChau = Branch(code: "PCDNHC", name: "Hải Châu", hotline: "1900 1909")
        let thanhKhe = Branch(code: "PCDNTK", name: "Thanh Khê", hotline: "1900 1909")
        let sonTra = Branch(code: "PCDNST", name: "Sơn Trà", hotline: "1900 1909")
        let camLe = Branch(code: "PCDNCL", name: "Cẩm Lệ", hotline: "1900 1909")
        let hoaVang = Branch(code: "PCDNHV", name: "Hòa Vang", hotline: "1900 1909")
        let tamKy = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "1900 1909")
        let hoiAn = Branch(code: "PC05HA", name: "Hội An", hotline: "1900 1909")
        let rows: [(String, String, String, Branch, AreaClass)] = [
            ("20236", "Phường Hải Châu I", "Đà Nẵng", haiChau, .urban),
            ("20215", "Phường Chính Gián", "Đà Nẵng", thanhKhe, .urban),
            ("20281", "Phường An Hải Đông", "Đà Nẵng", sonTra, .urban),
            ("20314", "Phường Hòa Xuân", "Đà Nẵng", camLe, .urban),
            ("20317", "Xã Hòa Bắc", "Đà Nẵng", hoaVang, .rural),
            ("20332", "Xã Hòa Phú", "Đà Nẵng", hoaVang, .rural),
            ("20350", "Phường Tân Thạnh", "Quảng Nam", tamKy, .urban),
            ("20356", "Phường An Mỹ", "Quảng Nam", tamKy, .urban),
            ("20377", "Xã Tam Thăng", "Quảng Nam", tamKy, .rural),
            ("20395", "Phường Minh An", "Quảng Nam", hoiAn, .urban),
            ("20419", "Xã Cẩm Thanh", "Quảng Nam", hoiAn, .rural),
            ("20428", "Xã Tân Hiệp", "Quảng Nam", hoiAn, .rural),
        ]
        // The codes above are distinct; a duplicate would crash the first use, in every test that touches the table.
        return try! ServiceAreaTable(rows.map {
            ServiceArea(communeCode: $0.0, communeName: $0.1, province: $0.2, branch: $0.3, areaClass: $0.4)
        })
    }()
}
