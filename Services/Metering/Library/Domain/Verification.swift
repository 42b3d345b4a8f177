import WorkingCalendar

/// The validity of a meter's verification certificate (*kiểm định*): from the verification
/// day through the last valid day, both included.
///
/// A meter may only be installed while its verification is valid, so reservation asks not
/// only "valid today" but "still valid on the latest day it may be installed".
struct Verification: Sendable, Equatable {
    var verifiedOn: CalendarDay
    var validUntil: CalendarDay

    /// Whether the certificate covers `day`.
    func isValid(on day: CalendarDay) -> Bool {
        verifiedOn <= day && day <= validUntil
    }
}
