import Contracts

/// The validity of a meter's verification certificate (*kiểm định*): from the verification
/// day through the last valid day, both included.
///
/// A meter may only be installed while its verification is valid, so reservation asks not
/// only "valid today" but "still valid on the latest day it may be installed".
struct Verification: Sendable, Equatable {
    var verifiedOn: CalendarDate
    var validUntil: CalendarDate

    /// Whether the certificate covers `day`.
    func isValid(on day: CalendarDate) -> Bool {
        verifiedOn <= day && day <= validUntil
    }
}
