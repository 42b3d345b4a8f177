import Foundation
import WorkingCalendar

/// A sub-household whose residence confirmation expires within the warning period, or has expired.
struct ExpiryItem: Sendable, Codable {
    var dossierId: String
    var unit: String
    var customerCode: String
    var subHouseholdId: String
    var fullName: String
    var maskedIdNumber: String
    var validUntil: CalendarDay
    /// When the main household was last reminded at this threshold, if it was.
    var remindedAt: Date?
    /// The main household's phone the reminders go to, masked; without one nobody is texted
    /// and the branch calls.
    var maskedContactPhone: String?
}
