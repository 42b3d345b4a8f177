import WorkingCalendar

/// A checked residence confirmation: who issued it, its number, and the days it holds.
///
/// Since 15 Jun 2023 a household counts on a shared meter by the residence information at
/// the place of use (Circular 16/2014/TT-BCT art. 10 as amended by 09/2023), so a
/// sub-household counts exactly while its confirmation is valid.
struct ResidenceConfirmation: Sendable, Hashable, Codable {
    var issuer: String
    var number: String
    var issuedOn: CalendarDay
    /// The last valid day; `nil` for a permanent residence.
    var validUntil: CalendarDay?

    /// Whether the confirmation holds on `day`.
    func isValid(on day: CalendarDay) -> Bool {
        guard issuedOn <= day else { return false }
        return validUntil.map { day <= $0 } ?? true
    }
}
