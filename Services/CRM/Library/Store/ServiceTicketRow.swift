import Foundation
import GRDB
import Messaging

/// A service ticket as `crm_service_tickets` keeps it when it opens: the filing sealed, days as
/// `YYYY-MM-DD`. Screening, approval, the visit, the count and closure change the row later,
/// column by column (``ServiceTicketStore``).
struct ServiceTicketRow: SnakeCaseRecord {
    static let databaseTableName = "crm_service_tickets"

    var ticketId: String
    var requestCode: String
    var kind: String
    var customerCode: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var filing: Data
    var receivedOn: String
    var openedAt: Date
    var status: String
    var stage: String
    var slaLimit: Int
    var dueDate: String

    init(_ ticket: ServiceTicket) {
        ticketId = ticket.ticketId
        requestCode = ticket.requestCode
        kind = ticket.kind.rawValue
        customerCode = ticket.customerCode
        branchCode = ticket.branch.code
        branchName = ticket.branch.name
        branchHotline = ticket.branch.hotline
        filing = ticket.sealedFiling
        receivedOn = ticket.receivedOn.description
        openedAt = ticket.openedAt
        status = ticket.status.rawValue
        stage = ticket.stage.rawValue
        slaLimit = ticket.slaLimit
        dueDate = ticket.dueDate.description
    }
}
