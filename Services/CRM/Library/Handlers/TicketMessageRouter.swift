import Contracts
import GRDB
import Messaging

/// The messaging edge of crm's workflows: hands each message to the workflow of the ticket
/// model it concerns, decided from the message (``TicketRoutedMessage``), and dead-letters a
/// message the workflow refuses (``MessageRefusal``) at once instead of retrying it.
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

    /// Hands `message` to its ticket's workflow, dead-lettering a refusal.
    func handle<Message: TicketRoutedMessage>(_ message: Message, cause: Envelope, in db: Database) throws {
        do {
            try message.route(to: workflows, by: self, cause: cause, in: db)
        } catch let refusal as MessageRefusal {
            throw MessageHandlingError.permanent(refusal.description)
        }
    }

    /// Whether `requestCode` is a connection's (else a service request's): as the message names
    /// its `kind`, else as crm recorded it; a request crm opened no ticket for is refused.
    func isConnection(_ requestCode: String, named kind: RequestKind?, in db: Database) throws -> Bool {
        if let kind { return kind.isConnection }
        guard let kind = try RequestKinds.kind(of: requestCode, in: db) else {
            throw MessageRefusal.noTicket(requestCode: requestCode)
        }
        return kind.isConnection
    }
}
