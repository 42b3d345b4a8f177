import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// A one-stop ticket for a request about an existing supply point: a contract change, a
/// meter inspection or verification, a change of the households sharing a meter, a meter
/// split. One per request, owned by the branch serving the customer code.
///
/// Kept apart from ``Ticket``: it has a customer code instead of a site, a survey and a
/// contract to draft; what all kinds share (limit, due date, SLA verdict, timeline) is
/// counted by ``ServiceTimePolicy`` and kept in `crm_timeline`.
struct ServiceTicket: Sendable {
    var ticketId: String
    var requestCode: String
    var kind: RequestKind
    var customerCode: String
    var branch: Branch
    /// The requester and the kind's details, sealed: they name people.
    var sealedFiling: Data
    /// The day intake received the request: day 0 of the SLA count.
    var receivedOn: CalendarDay
    var openedAt: Date
    var status: TicketStatus
    var stage: ServiceStage
    var slaLimit: Int
    var dueDate: CalendarDay
    var screening: Ticket.Screening?
    /// Who approved the request, and when; nil before a decision and for kinds that need none.
    var approvedBy: String?
    var visit: MeterVisited?
    /// A split's new customer code, chosen when the installation is asked for.
    var newCustomerCode: String?
    /// The count households supports after a household change, in quarters.
    var countedQuarters: Int?
    var closure: Ticket.Closure?

    /// What the customer filed, sealed at rest as one JSON document.
    struct Filing: Codable, Sendable, Equatable {
        var requester: Applicant
        var details: ServiceRequestDetails
    }

    /// `CRM-<request code>`, like a connection's ticket.
    static func ticketId(requestCode: String) -> String { "CRM-\(requestCode)" }
}

/// Where a service ticket waits.
enum ServiceStage: String, Codable, Sendable {
    /// households screens the new households' ID numbers.
    case screening
    /// Branch staff decide: approve or refuse.
    case review
    /// Metering's field staff visit or install the meter.
    case fieldWork = "field_work"
    /// households counts the new households on the meter's dossier.
    case counting
    /// The new holder of a change of holder signs the contract passing to them, by the code
    /// sent to their phone.
    case signing
    /// The request is done or refused.
    case closed
}

extension ServiceTicket: FetchableRecord {
    init(row: Row) throws {
        ticketId = row["ticket_id"]
        requestCode = row["request_code"]
        kind = try StoredColumn.decode(RequestKind.self, row["kind"])
        customerCode = row["customer_code"]
        branch = Branch(code: row["branch_code"], name: row["branch_name"], hotline: row["branch_hotline"])
        sealedFiling = row["filing"]
        receivedOn = try StoredColumn.day(row["received_on"])
        openedAt = Date(timeIntervalSince1970: row["opened_at"])
        status = try StoredColumn.decode(TicketStatus.self, row["status"])
        stage = try StoredColumn.decode(ServiceStage.self, row["stage"])
        slaLimit = row["sla_limit"]
        dueDate = try StoredColumn.day(row["due_date"])
        if let outcome: String = row["screening_outcome"] {
            let conflicts: String = row["screening_conflicts"] ?? "[]"
            screening = Ticket.Screening(
                outcome: try StoredColumn.decode(ScreeningCompleted.Outcome.self, outcome),
                conflicts: try JSONCoding.decoder.decode([ScreeningConflict].self, from: Data(conflicts.utf8)))
        }
        approvedBy = row["approved_by"]
        if let visit: String = row["visit"] {
            self.visit = try JSONCoding.decoder.decode(MeterVisited.self, from: Data(visit.utf8))
        }
        newCustomerCode = row["new_customer_code"]
        countedQuarters = row["counted_quarters"]
        if let resolution: String = row["resolution"] {
            closure = Ticket.Closure(
                resolution: try StoredColumn.decode(TicketClosed.Resolution.self, resolution),
                workingDaysTaken: row["working_days_taken"],
                slaOutcome: try StoredColumn.decode(TicketClosed.SLAOutcome.self, row["sla_outcome"]),
                closedAt: Date(timeIntervalSince1970: row["closed_at"]))
        }
    }
}
