import Contracts
import WebPages

extension HouseholdCountChanged.Reason: ShownCode {
    /// What moved a dossier's count, as its history on the households pages shows it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .subHouseholdRegistered: language.pick("Đăng ký hộ dùng chung", "Household registered")
        case .subHouseholdUpdated: language.pick("Cập nhật hộ dùng chung", "Household updated")
        case .subHouseholdEnded: language.pick("Hộ thôi dùng chung", "Household left")
        case .subHouseholdSplit: language.pick("Hộ tách công tơ", "Household split off")
        case .confirmationExpired: language.pick("Xác nhận cư trú hết hạn", "Residence confirmation expired")
        case .dossierClosed: language.pick("Đóng hồ sơ", "Dossier closed")
        }
    }
}
