import Contracts
import Foundation
import GRDB
import Messaging

/// What crm consumes: the connection flow's events, service requests and what metering and
/// households answer about them, households' count changes (which amend a household change's
/// contract, or open contract-amendment tickets) and intake's e-mailed inquiries, each handed
/// to the workflow of its ticket's kind by ``TicketMessageRouter`` (a ``TicketRoutedMessage``
/// says which), one line each; the papers intake kept for a request (``RequestAttachments``),
/// each inside the transaction that records the message in the inbox; and the timeline look-up.
enum CRMMessageHandlers {
    static func make(workflows: TicketWorkflows) -> MessageHandlers {
        let router = TicketMessageRouter(workflows: workflows)
        var handlers = MessageHandlers()
        handlers.on(RequestSubmitted.self, routedBy: router)
        handlers.on(ServiceRequestSubmitted.self, routedBy: router)
        handlers.on(ScreeningCompleted.self, routedBy: router)
        handlers.on(WorkOrderOpened.self, routedBy: router)
        handlers.on(MeterInstalled.self, routedBy: router)
        handlers.on(MeterVisited.self, routedBy: router)
        handlers.on(SignatureCaptured.self, routedBy: router)
        handlers.on(CustomerNotified.self, routedBy: router)
        handlers.on(HouseholdCountChanged.self, routedBy: router)
        handlers.on(SubHouseholdsRefused.self, routedBy: router)
        handlers.on(InquiryReceived.self, routedBy: router)
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
    /// Hands each `contract` message to `router`, in the inbox's transaction. Each contract is
    /// named in a call of its own, as the deployment check reads what a service consumes.
    fileprivate mutating func on<Message: TicketRoutedMessage>(_ contract: Message.Type,
                                                                routedBy router: TicketMessageRouter) {
        on(contract) { message, context in
            try router.handle(message, cause: context.envelope, in: context.db)
        }
    }
}
