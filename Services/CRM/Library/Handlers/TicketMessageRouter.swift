import Contracts
import GRDB
import Messaging

/// The messaging edge of crm's workflows: hands each message to the workflow of the ticket
/// model it concerns, decided from the message, and dead-letters a message the workflow
/// refuses (``MessageRefusal``) at once instead of retrying it.
///
/// The contract decides for most messages: a connection request opens a ``Ticket``, a service
/// request a ``ServiceTicket``, an e-mail an ``Inquiry``; a count change names the household
/// change request that moved it, or none, which opens a ``ContractAmendment``. Households'
/// screening and metering's work order and installation answer connections and service
/// requests alike, and name the request's kind that crm's command gave them: they go by it.
/// Only a message that names no kind (one sent before the field existed, or a notice
/// delivered) goes by the kind crm recorded for its request (``RequestKinds``), one read.
struct TicketMessageRouter: Sendable {
    let workflows: TicketWorkflows

    func handle(_ request: RequestSubmitted, cause: Envelope, in db: Database) throws {
        try deadLettering { try workflows.connections.open(request, cause: cause, in: db) }
    }

    func handle(_ request: ServiceRequestSubmitted, cause: Envelope, in db: Database) throws {
        try deadLettering { try workflows.serviceRequests.open(request, cause: cause, in: db) }
    }

    func handle(_ screening: ScreeningCompleted, cause: Envelope, in db: Database) throws {
        try deadLettering {
            if try isConnection(screening.requestCode, named: screening.requestKind, in: db) {
                try workflows.connections.recordScreening(screening, cause: cause, in: db)
            } else {
                try workflows.serviceRequests.recordScreening(screening, in: db)
            }
        }
    }

    func handle(_ workOrder: WorkOrderOpened, cause: Envelope, in db: Database) throws {
        try deadLettering {
            if try isConnection(workOrder.requestCode, named: workOrder.requestKind, in: db) {
                try workflows.connections.recordWorkOrder(workOrder, in: db)
            } else {
                try workflows.serviceRequests.recordWorkOrder(workOrder, in: db)
            }
        }
    }

    func handle(_ installed: MeterInstalled, cause: Envelope, in db: Database) throws {
        try deadLettering {
            if try isConnection(installed.requestCode, named: installed.requestKind, in: db) {
                try workflows.connections.recordMeterInstalled(installed, cause: cause, in: db)
            } else {
                try workflows.serviceRequests.recordSplitInstalled(installed, cause: cause, in: db)
            }
        }
    }

    func handle(_ visit: MeterVisited, cause: Envelope, in db: Database) throws {
        try deadLettering { try workflows.serviceRequests.recordVisit(visit, cause: cause, in: db) }
    }

    func handle(_ signature: SignatureCaptured, cause: Envelope, in db: Database) throws {
        try deadLettering { try workflows.connections.recordSignature(signature, cause: cause, in: db) }
    }

    func handle(_ notified: CustomerNotified, cause: Envelope, in db: Database) throws {
        try deadLettering {
            if try isConnection(notified.requestCode, named: nil, in: db) {
                try workflows.connections.recordNotification(notified, in: db)
            } else {
                try workflows.serviceRequests.recordNotification(notified, in: db)
            }
        }
    }

    func handle(_ change: HouseholdCountChanged, cause: Envelope, in db: Database) throws {
        try deadLettering {
            if let requestCode = change.requestCode {
                try workflows.serviceRequests.recordCount(change, requestCode: requestCode, cause: cause, in: db)
            } else {
                try workflows.amendments.open(change, cause: cause, in: db)
            }
        }
    }

    func handle(_ received: InquiryReceived, cause: Envelope, in db: Database) throws {
        try deadLettering { try workflows.inquiries.receive(received, cause: cause, in: db) }
    }

    /// Whether `requestCode` is a connection's (else a service request's): as the message names
    /// its `kind`, else as crm recorded it; a request crm opened no ticket for is refused.
    private func isConnection(_ requestCode: String, named kind: RequestKind?, in db: Database) throws -> Bool {
        if let kind { return kind.isConnection }
        guard let kind = try RequestKinds.kind(of: requestCode, in: db) else {
            throw MessageRefusal.noTicket(requestCode: requestCode)
        }
        return kind.isConnection
    }

    private func deadLettering(_ handle: () throws -> Void) throws {
        do {
            try handle()
        } catch let refusal as MessageRefusal {
            throw MessageHandlingError.permanent(refusal.description)
        }
    }
}
