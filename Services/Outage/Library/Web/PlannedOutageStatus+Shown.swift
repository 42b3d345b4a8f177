import Contracts
import WebPages

extension PlannedOutage.Status: ShownCode {
    /// The planned outage's state as the dispatcher's list shows it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .scheduled: language.pick("Đã lập lịch, đã báo khách hàng", "Scheduled, customers told")
        case .cancelled: language.pick("Đã hủy", "Cancelled")
        }
    }
}
