import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// An electricity purchase contract as crm keeps it. The parties, site and purpose are the
/// ticket's; the holder's identity stays sealed in the ticket's parties.
struct Contract: Sendable {
    enum Status: String, Codable, Sendable {
        case drafted
        case signed
        /// The holder terminated it and metering took the final reading.
        case ended
    }

    var contractNumber: String
    var requestCode: String
    var customerCode: String
    var meterSerial: String
    var tariffGroup: String
    /// Whole households sharing the meter, as the contract was drafted and messages carry it;
    /// after an amendment to a fractional count, its whole part.
    var householdCount: Int
    /// Households sharing the meter in quarters of an allowance: the count that bills.
    var households: HouseholdQuarters
    var status: Status
    var draftedAt: Date
    var signedAt: Date?
    /// The contract's current version (``ContractVersion``): none while it is a draft, 1 once
    /// signed, one more for each change since.
    var version: Int?
    /// The fixed term the request asked for; none for an open-ended contract.
    var term: ContractTerm?
    /// The last day a contract with a term is in force: the signing day plus the term, moved
    /// by each renewal; none while a draft, and never for an open-ended contract.
    var endsOn: CalendarDay?

    init(contractNumber: String, requestCode: String, customerCode: String, meterSerial: String, tariffGroup: String,
         householdCount: Int, term: ContractTerm? = nil, status: Status, draftedAt: Date, signedAt: Date? = nil) {
        self.contractNumber = contractNumber
        self.requestCode = requestCode
        self.customerCode = customerCode
        self.meterSerial = meterSerial
        self.tariffGroup = tariffGroup
        self.householdCount = householdCount
        households = HouseholdQuarters(households: householdCount)
        self.term = term
        self.status = status
        self.draftedAt = draftedAt
        self.signedAt = signedAt
    }

    init(row: Row) {
        contractNumber = row["contract_number"]
        requestCode = row["request_code"]
        customerCode = row["customer_code"]
        meterSerial = row["meter_serial"]
        tariffGroup = row["tariff_group"]
        householdCount = row["household_count"]
        households = (row["household_quarters"] as Int?).flatMap(HouseholdQuarters.init(validating:))
            ?? HouseholdQuarters(households: householdCount)
        status = Status(rawValue: row["status"]) ?? .drafted
        draftedAt = Date(timeIntervalSince1970: row["drafted_at"])
        signedAt = (row["signed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        version = row["version"]
        term = (row["term_months"] as Int?).flatMap(ContractTerm.init(months:))
        endsOn = (row["ends_on"] as String?).flatMap(CalendarDay.init)
    }

    /// `HĐ-<branch code>-<year>-<NNNNNN>`: the branch that signs as seller, the year of the
    /// draft in Vietnam, and the branch's sequence of that year.
    static func number(branchCode: String, year: Int, sequence: Int) -> String {
        "HĐ-\(branchCode)-\(year)-\(String(format: "%06d", sequence))"
    }

    /// `<branch code><NNNNNNN>`: the billing customer code, numbered per branch.
    static func customerCode(branchCode: String, sequence: Int) -> String {
        "\(branchCode)\(String(format: "%07d", sequence))"
    }
}
