import Contracts
import Foundation
import GRDB
import Messaging

/// What crm consumes: the connection flow's events, service requests and what metering and
/// households answer about them, households' count changes (which amend a household change's
/// contract, or open contract-amendment tickets) and intake's e-mailed inquiries, each handed to ``TicketWorkflow``;
/// the papers intake kept for a request (``RequestAttachments``), each
/// inside the transaction that records the message in the inbox; and the timeline look-up.
/// A message about a request code goes to the service ticket of that code when there is one.
enum CRMMessageHandlers {
    static func make(workflow: TicketWorkflow) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.onEvent(RequestSubmitted.routingKey) { message, db in
            try workflow.open(message.decode(RequestSubmitted.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(ServiceRequestSubmitted.routingKey) { message, db in
            try workflow.openServiceTicket(message.decode(ServiceRequestSubmitted.self), cause: message.envelope,
                                           in: db)
        }
        handlers.onEvent(ScreeningCompleted.routingKey) { message, db in
            let screening = try message.decode(ScreeningCompleted.self)
            if let ticket = try ServiceTicketStore.ticket(requestCode: screening.requestCode, in: db) {
                try workflow.recordServiceScreening(screening, ticket, in: db)
            } else {
                try workflow.recordScreening(screening, cause: message.envelope, in: db)
            }
        }
        handlers.onEvent(WorkOrderOpened.routingKey) { message, db in
            let workOrder = try message.decode(WorkOrderOpened.self)
            if let ticket = try ServiceTicketStore.ticket(requestCode: workOrder.requestCode, in: db) {
                try workflow.recordServiceWorkOrder(workOrder, ticket, in: db)
            } else {
                try workflow.recordWorkOrder(workOrder, in: db)
            }
        }
        handlers.onEvent(MeterInstalled.routingKey) { message, db in
            let installed = try message.decode(MeterInstalled.self)
            if let ticket = try ServiceTicketStore.ticket(requestCode: installed.requestCode, in: db) {
                try workflow.recordSplitInstalled(installed, ticket, cause: message.envelope, in: db)
            } else {
                try workflow.recordMeterInstalled(installed, cause: message.envelope, in: db)
            }
        }
        handlers.onEvent(MeterVisited.routingKey) { message, db in
            try workflow.recordVisit(message.decode(MeterVisited.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(SignatureCaptured.routingKey) { message, db in
            try workflow.recordSignature(message.decode(SignatureCaptured.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(CustomerNotified.routingKey) { message, db in
            try workflow.recordNotification(message.decode(CustomerNotified.self), in: db)
        }
        handlers.onEvent(HouseholdCountChanged.routingKey) { message, db in
            let change = try message.decode(HouseholdCountChanged.self)
            if let requestCode = change.requestCode,
               let ticket = try ServiceTicketStore.ticket(requestCode: requestCode, in: db) {
                try workflow.recordCount(change, ticket, cause: message.envelope, in: db)
            } else {
                try workflow.openAmendment(change, cause: message.envelope, in: db)
            }
        }
        handlers.onEvent(InquiryReceived.routingKey) { message, db in
            try workflow.receiveInquiry(message.decode(InquiryReceived.self), cause: message.envelope, in: db)
        }
        handlers.onEvent(AttachmentAdded.routingKey) { message, db in
            try RequestAttachments.record(message.decode(AttachmentAdded.self), in: db)
        }
        handlers.onQuery(RequestTimelineQuery.routingKey,
                         owner: { try $0.decode(RequestTimelineQuery.self).requestCode }) { message, db in
            let query = try message.decode(RequestTimelineQuery.self)
            return try Envelope.encode(RequestTimelineReader.timeline(of: query.requestCode, personalData: workflow.personalData, in: db))
        }
        return handlers
    }
}
