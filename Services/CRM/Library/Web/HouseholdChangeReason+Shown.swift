import Contracts
import WebPages

extension HouseholdCountChanged.Reason: ShownCode {
    /// Why the households sharing a meter changed, as the branch console shows it on the amendment.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .subHouseholdRegistered: language.pick("Đăng ký thêm hộ dùng chung", "A sharing household registered")
        case .subHouseholdUpdated: language.pick("Cập nhật hộ dùng chung", "A sharing household updated")
        case .subHouseholdEnded: language.pick("Hộ dùng chung đã thôi dùng chung", "A sharing household left")
        case .subHouseholdSplit: language.pick("Hộ dùng chung đã tách công tơ", "A sharing household got its own meter")
        case .confirmationExpired: language.pick("Xác nhận cư trú hết hạn", "A residence confirmation expired")
        case .dossierClosed: language.pick("Hồ sơ hộ dùng chung đã đóng", "The shared-meter dossier closed")
        }
    }
}
