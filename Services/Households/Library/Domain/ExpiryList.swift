import Foundation
import WorkingCalendar

/// The daily list of residence confirmations: those expiring within the warning period (renew
/// them to keep the allowance) and those expired (no longer counting).
struct ExpiryList: Sendable, Codable {
    var day: CalendarDay
    var unit: String?
    var expiringSoon: [ExpiryItem]
    var expired: [ExpiryItem]
    /// When the list was asked for a page and more households follow: the `after` of the next page.
    var next: String?
}
