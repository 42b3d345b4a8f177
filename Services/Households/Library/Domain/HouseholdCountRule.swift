import Contracts
import WorkingCalendar

/// The number of households a dossier supports on its shared meter on a given day.
///
/// Circular 16/2014/TT-BCT art. 10 as amended (last by 09/2023): the main household, plus
/// each sub-household whose residence confirmation holds that day; a group of tenants counts
/// one quarter of a household per registered person (4 persons = 1 household). Expired
/// confirmations stop counting. The result multiplies every tier bound of the bill.
enum HouseholdCountRule {
    /// A sub-household's share as stored: persons (tenants) and the confirmation's last day.
    struct Share: Sendable {
        var persons: Int?
        var validUntil: CalendarDay?

        /// Its quarters on `day`: nothing once expired, `persons` for tenants, else one household.
        func quarters(on day: CalendarDay) -> Int {
            if let validUntil, validUntil < day { return 0 }
            return persons ?? 4
        }
    }

    /// The count with the main household and `shares`, on `day`.
    static func count(of shares: [Share], on day: CalendarDay) -> HouseholdQuarters {
        HouseholdQuarters(quarters: 4 + shares.reduce(0) { $0 + $1.quarters(on: day) })
    }
}
