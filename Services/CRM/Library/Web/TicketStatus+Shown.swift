import WebPages

extension TicketStatus: ShownCode {
    /// The status as the branch console shows it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .open: language.pick("Đang xử lý", "In progress")
        case .closed: language.pick("Đã đóng", "Closed")
        }
    }
}
