import Foundation
import GRDB
import PersonalData
import ServiceKit

/// The workflow of each kind of ticket, on one context: what the edges hold to reach the
/// right one for a ticket staff opened or a message that arrived.
struct TicketWorkflows: Sendable {
    let context: WorkflowContext
    let connections: ConnectionWorkflow
    let serviceRequests: ServiceRequestWorkflow
    let inquiries: InquiryWorkflow
    let amendments: AmendmentWorkflow

    init(context: WorkflowContext) {
        self.context = context
        connections = ConnectionWorkflow(context: context)
        serviceRequests = ServiceRequestWorkflow(context: context)
        inquiries = InquiryWorkflow(context: context)
        amendments = AmendmentWorkflow(context: context)
    }

    var policy: ServiceTimePolicy { context.policy }
    var personalData: PersonalDataProtector { context.personalData }
    var clock: WallClock { context.clock }

    /// Gives the open `ticket` to `officerId`, through its own kind's workflow.
    func assign(_ ticket: StaffTicket, to officerId: String, by staffId: String, in db: Database) throws {
        switch ticket {
        case .newConnection(let ticket): try connections.assign(ticket, to: officerId, by: staffId, in: db)
        case .serviceRequest(let ticket): try serviceRequests.assign(ticket, to: officerId, by: staffId, in: db)
        case .contractAmendment(let amendment): try amendments.assign(amendment, to: officerId, by: staffId, in: db)
        case .inquiry(let inquiry): try inquiries.assign(inquiry, to: officerId, by: staffId, in: db)
        }
    }
}
