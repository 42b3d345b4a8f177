import Contracts
import Foundation
import GRDB

/// One version of a contract crm holds: the terms a change left it with, the day they hold
/// from, and the request or ticket whose step made the change. Versions are only ever
/// appended, so a contract's history shows every term it had and from when, and the
/// contract's own row is its latest version.
struct ContractVersion: Sendable {
    /// What made the version.
    enum Change: String, Codable, Sendable, CaseIterable {
        /// The holder signed: the first version.
        case signed
        /// A change of purpose of use moved the contract to another tariff group.
        case purposeChanged = "purpose_changed"
        /// The households sharing the meter changed (a household change or an amendment).
        case householdsChanged = "households_changed"
        /// A change of holder passed the contract to a new holder.
        case holderChanged = "holder_changed"
        /// The holder renewed a contract with a term: it ends one term later.
        case renewed
        /// The holder terminated the contract and metering took the final reading.
        case ended
    }

    /// The step that made a change: its request code (an amendment's ticket id, since no
    /// request asked for it), and the day the change holds from.
    struct Cause: Sendable {
        var source: String
        var effectiveOn: CalendarDate
        /// When crm recorded the change.
        var recordedAt: Date
    }

    var contractNumber: String
    /// 1 for the signed contract, then one more for each change.
    var version: Int
    var change: Change
    var status: Contract.Status
    var tariffGroup: String
    var households: HouseholdQuarters
    /// The last day the contract was in force under this version; none when open-ended.
    var endsOn: CalendarDate?
    var cause: Cause
    /// A change of holder's new holder, by their ID number masked; nil on every other version.
    var holderIdMasked: String?
}

extension ContractVersion: FetchableRecord {
    init(row: Row) throws {
        contractNumber = row["contract_number"]
        version = row["version"]
        change = try StoredColumn.decode(Change.self, row["change"])
        status = try StoredColumn.decode(Contract.Status.self, row["status"])
        tariffGroup = row["tariff_group"]
        let quarters: Int = row["household_quarters"]
        guard let households = HouseholdQuarters(validating: quarters) else {
            throw CorruptTicket(column: "household_quarters", value: "\(quarters)")
        }
        self.households = households
        endsOn = try (row["ends_on"] as String?).map { text in
            guard let day = CalendarDate(text) else { throw CorruptTicket(column: "ends_on", value: text) }
            return day
        }
        let effectiveOn: String = row["effective_on"]
        guard let day = CalendarDate(effectiveOn) else { throw CorruptTicket(column: "effective_on", value: effectiveOn) }
        cause = Cause(source: row["cause"], effectiveOn: day,
                      recordedAt: Date(timeIntervalSince1970: row["recorded_at"]))
        holderIdMasked = row["holder_id_masked"]
    }
}
