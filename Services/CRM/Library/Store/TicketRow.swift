import Foundation
import GRDB
import Messaging
import PersonalData

/// A new-connection ticket as `crm_tickets` keeps it when it opens: the street sealed, days as
/// `YYYY-MM-DD`. Screening, survey, installation and closure change the row later, column by
/// column (``TicketStore``).
struct TicketRow: SnakeCaseRecord {
    static let databaseTableName = "crm_tickets"

    var ticketId: String
    var requestCode: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var province: String
    var communeCode: String
    var streetSealed: Data
    var areaClass: String
    var purpose: String
    var householdCount: Int
    var termMonths: Int?
    var parties: Data
    var receivedOn: String
    var openedAt: Date
    var status: String
    var slaLimit: Int
    var dueDate: String
    var requestKind: String

    init(_ ticket: Ticket, sealedWith personalData: PersonalDataProtector) {
        ticketId = ticket.ticketId
        requestCode = ticket.requestCode
        branchCode = ticket.branch.code
        branchName = ticket.branch.name
        branchHotline = ticket.branch.hotline
        province = ticket.site.province
        communeCode = ticket.site.communeCode
        streetSealed = personalData.seal(ticket.site.street)
        areaClass = ticket.site.areaClass.rawValue
        purpose = ticket.purpose.rawValue
        householdCount = ticket.householdCount
        termMonths = ticket.term?.months
        parties = ticket.sealedParties
        receivedOn = ticket.receivedOn.description
        openedAt = ticket.openedAt
        status = ticket.status.rawValue
        slaLimit = ticket.slaLimit
        dueDate = ticket.dueDate.description
        requestKind = ticket.requestKind.rawValue
    }
}
