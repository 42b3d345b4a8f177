import Contracts
import WebPages

extension PurposeOfUse {
    /// The purpose as the portal names it, on the connection form and in the contract.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .residential: language.pick("Sinh hoạt", "Household use")
        case .business: language.pick("Kinh doanh", "Business")
        case .production: language.pick("Sản xuất", "Production")
        case .publicService: language.pick("Hành chính sự nghiệp", "Public service")
        }
    }
}
