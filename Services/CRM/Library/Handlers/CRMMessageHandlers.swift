import Contracts
import Foundation
import GRDB
import Messaging

/// What crm consumes: the connection flow's events, service requests and what metering and
/// households answer about them, households' count changes (which amend a household change's
/// contract, or open contract-amendment tickets) and intake's e-mailed inquiries, each handed
/// to the workflow of its ticket's kind by ``TicketMessageRouter``; the papers intake kept for a
/// request (``RequestAttachments``), each inside the transaction that records the message in
/// the inbox; and the timeline look-up.
enum CRMMessageHandlers {
    static func make(workflows: TicketWorkflows) -> MessageHandlers {
        let router = TicketMessageRouter(workflows: workflows)
        var handlers = MessageHandlers()
        handlers.onEvent(RequestSubmitted.routingKey) { message, db in
            try router.handle(message.decode(RequestSubmitted.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(ServiceRequestSubmitted.routingKey) { message, db in
            try router.handle(message.decode(ServiceRequestSubmitted.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(ScreeningCompleted.routingKey) { message, db in
            try router.handle(message.decode(ScreeningCompleted.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(WorkOrderOpened.routingKey) { message, db in
            try router.handle(message.decode(WorkOrderOpened.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(MeterInstalled.routingKey) { message, db in
            try router.handle(message.decode(MeterInstalled.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(MeterVisited.routingKey) { message, db in
            try router.handle(message.decode(MeterVisited.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(SignatureCaptured.routingKey) { message, db in
            try router.handle(message.decode(SignatureCaptured.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(CustomerNotified.routingKey) { message, db in
            try router.handle(message.decode(CustomerNotified.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(HouseholdCountChanged.routingKey) { message, db in
            try router.handle(message.decode(HouseholdCountChanged.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(InquiryReceived.routingKey) { message, db in
            try router.handle(message.decode(InquiryReceived.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(AttachmentAdded.routingKey) { message, db in
            try RequestAttachments.record(message.decode(AttachmentAdded.self), in: db)
        }
        handlers.onQuery(RequestTimelineQuery.routingKey,
                         owner: { try $0.decode(RequestTimelineQuery.self).requestCode }) { message, db in
            let query = try message.decode(RequestTimelineQuery.self)
            return try Envelope.encode(RequestTimelineReader.timeline(of: query.requestCode, personalData: workflows.personalData, in: db))
        }
        return handlers
    }
}
