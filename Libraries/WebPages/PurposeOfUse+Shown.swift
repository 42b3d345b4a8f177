import Contracts

extension PurposeOfUse: ShownCode {
    /// The purpose as customers and staff call it: on the connection form, in the contract and
    /// on the branch's ticket page.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .residential: language.pick("Sinh hoạt", "Household use")
        case .business: language.pick("Kinh doanh", "Business")
        case .production: language.pick("Sản xuất", "Production")
        case .publicService: language.pick("Hành chính sự nghiệp", "Public service")
        }
    }
}
