import Foundation
import GRDB
import Messaging

/// A contract-amendment ticket as `crm_amendments` keeps it when it opens: counts in quarters,
/// days as `YYYY-MM-DD`. Closing changes the row later, column by column (``AmendmentStore``).
struct AmendmentRow: SnakeCaseRecord {
    static let databaseTableName = "crm_amendments"

    var ticketId: String
    var changeId: String
    var dossierId: String
    var unit: String
    var customerCode: String
    var contractNumber: String?
    var previousQuarters: Int
    var newQuarters: Int
    var reason: String
    var effectiveOn: String
    var changedAt: Date
    var correlationId: String
    var receivedOn: String
    var openedAt: Date
    var status: String
    var slaLimit: Int
    var dueDate: String

    init(_ amendment: ContractAmendment) {
        ticketId = amendment.ticketId
        changeId = amendment.changeId
        dossierId = amendment.dossierId
        unit = amendment.unit
        customerCode = amendment.customerCode
        contractNumber = amendment.contractNumber
        previousQuarters = amendment.previousCount.quarters
        newQuarters = amendment.newCount.quarters
        reason = amendment.reason.rawValue
        effectiveOn = amendment.effectiveOn.description
        changedAt = amendment.changedAt
        correlationId = amendment.correlationId
        receivedOn = amendment.receivedOn.description
        openedAt = amendment.openedAt
        status = amendment.status.rawValue
        slaLimit = amendment.slaLimit
        dueDate = amendment.dueDate.description
    }
}
