import WebPages

extension ContractVersion.Change: ShownCode {
    /// What made a version of the contract, as the branch console shows its history.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .signed: language.pick("Ký hợp đồng", "Contract signed")
        case .purposeChanged: language.pick("Thay đổi mục đích sử dụng điện", "Purpose of use changed")
        case .householdsChanged: language.pick("Thay đổi số hộ dùng chung", "Households sharing the meter changed")
        case .holderChanged: language.pick("Thay đổi chủ thể hợp đồng", "Contract holder changed")
        case .renewed: language.pick("Gia hạn hợp đồng", "Contract renewed")
        case .ended: language.pick("Chấm dứt hợp đồng", "Contract terminated")
        }
    }
}
