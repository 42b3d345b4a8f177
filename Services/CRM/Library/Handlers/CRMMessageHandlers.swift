import Contracts
import Foundation
import GRDB
import Messaging

/// What crm consumes: the connection flow's events, service requests and what metering and
/// households answer about them, households' count changes (which amend a household change's
/// contract, or open contract-amendment tickets) and intake's e-mailed inquiries, each handed
/// to the workflow of its ticket's kind by ``TicketMessageRouter`` (each contract of
/// ``TicketMessageRouter/routed``); the papers intake kept for a
/// request (``RequestAttachments``), each inside the transaction that records the message in
/// the inbox; and the timeline look-up.
enum CRMMessageHandlers {
    static func make(workflows: TicketWorkflows) -> MessageHandlers {
        let router = TicketMessageRouter(workflows: workflows)
        var handlers = MessageHandlers()
        for contract in TicketMessageRouter.routed {
            handlers.route(contract, by: router)
        }
        handlers.on(AttachmentAdded.self) { attachment, context in
            try RequestAttachments.record(attachment, in: context.db)
        }
        handlers.answer(RequestTimelineQuery.self, owner: { $0.requestCode }) { query, db in
            try RequestTimelineReader.timeline(of: query.requestCode, personalData: workflows.personalData, in: db)
        }
        return handlers
    }
}

extension MessageHandlers {
    /// Hands each `contract` message to ``TicketMessageRouter``, in the inbox's transaction.
    fileprivate mutating func route<Message: TicketRoutedMessage>(_ contract: Message.Type, by router: TicketMessageRouter) {
        on(contract) { message, context in
            try router.handle(message, cause: context.envelope, in: context.db)
        }
    }
}
