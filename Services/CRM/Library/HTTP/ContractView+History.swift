import Contracts
import Foundation
import GRDB

/// One version of a contract's history as the API and the ticket page show it: what changed,
/// from which day, the terms it left, and the request (or amendment ticket) that changed it.
struct ContractVersionView: Encodable, Sendable {
    var version: Int
    var change: ContractVersion.Change
    var effectiveOn: CalendarDate
    var status: Contract.Status
    var tariffGroup: String
    var households: HouseholdQuarters.Shown
    /// The last day the contract ran to under this version; none when open-ended.
    var endsOn: CalendarDate?
    var cause: String
    var recordedAt: Date
    /// A change of holder's new holder, by their ID number masked.
    var holderIdNumber: String?

    init(_ version: ContractVersion) {
        self.version = version.version
        change = version.change
        effectiveOn = version.cause.effectiveOn
        status = version.status
        tariffGroup = version.tariffGroup
        households = version.households.shown
        endsOn = version.endsOn
        cause = version.cause.source
        recordedAt = version.cause.recordedAt
        holderIdNumber = version.holderIdMasked
    }
}

extension TicketDetail.ContractView {
    /// The contract as it now stands, with its history read from crm's store.
    init(_ contract: Contract, in db: Database) throws {
        self.init(contractNumber: contract.contractNumber, status: contract.status, meterSerial: contract.meterSerial,
                  householdCount: contract.householdCount, households: contract.households.shown,
                  customerCode: contract.customerCode, tariffGroup: contract.tariffGroup,
                  termMonths: contract.term?.months, endsOn: contract.endsOn?.calendarDate, draftedAt: contract.draftedAt, signedAt: contract.signedAt, version: contract.version,
                  history: try ContractVersionStore.history(contractNumber: contract.contractNumber, in: db)
                      .map(ContractVersionView.init))
    }
}
