import WebPages

extension Contract.Status: ShownCode {
    /// Where the contract stands, as the branch console shows it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .drafted: language.pick("Chờ khách hàng ký", "Awaiting the customer's signature")
        case .signed: language.pick("Đang hiệu lực", "In force")
        case .ended: language.pick("Đã chấm dứt", "Terminated")
        }
    }
}
