import Contracts
import Foundation
import GRDB
import Messaging

/// What crm consumes: the flow's events and households' count changes (which open
/// contract-amendment tickets), each handed to ``TicketWorkflow`` inside the transaction that
/// records the message in the inbox, and the timeline look-up.
enum CRMMessageHandlers {
    static func make(workflow: TicketWorkflow) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.onEvent(RequestSubmitted.routingKey) { message, db in
            try workflow.open(message.decode(RequestSubmitted.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(ScreeningCompleted.routingKey) { message, db in
            try workflow.recordScreening(message.decode(ScreeningCompleted.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(WorkOrderOpened.routingKey) { message, db in
            try workflow.recordWorkOrder(message.decode(WorkOrderOpened.self), in: db)
        }
        handlers.onEvent(MeterInstalled.routingKey) { message, db in
            try workflow.recordMeterInstalled(message.decode(MeterInstalled.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(SignatureCaptured.routingKey) { message, db in
            try workflow.recordSignature(message.decode(SignatureCaptured.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(CustomerNotified.routingKey) { message, db in
            try workflow.recordNotification(message.decode(CustomerNotified.self), in: db)
        }
        handlers.onEvent(HouseholdCountChanged.routingKey) { message, db in
            try workflow.openAmendment(message.decode(HouseholdCountChanged.self), cause: message.envelope, in: db)
        }
        handlers.onQuery(RequestTimelineQuery.routingKey) { message, db in
            let query = try message.decode(RequestTimelineQuery.self)
            return try Envelope.encode(RequestTimelineReader.timeline(of: query.requestCode, in: db))
        }
        return handlers
    }
}
