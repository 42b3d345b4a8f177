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
        handlers.on(RequestSubmitted.self) { submitted, context in
            try workflow.open(submitted, cause: context.envelope, in: context.db)
        }
        handlers.on(ServiceRequestSubmitted.self) { submitted, context in
            try workflow.openServiceTicket(submitted, cause: context.envelope, in: context.db)
        }
        handlers.on(ScreeningCompleted.self) { screening, context in
            if let ticket = try ServiceTicketStore.ticket(requestCode: screening.requestCode, in: context.db) {
                try workflow.recordServiceScreening(screening, ticket, in: context.db)
            } else {
                try workflow.recordScreening(screening, cause: context.envelope, in: context.db)
            }
        }
        handlers.on(WorkOrderOpened.self) { workOrder, context in
            if let ticket = try ServiceTicketStore.ticket(requestCode: workOrder.requestCode, in: context.db) {
                try workflow.recordServiceWorkOrder(workOrder, ticket, in: context.db)
            } else {
                try workflow.recordWorkOrder(workOrder, in: context.db)
            }
        }
        handlers.on(MeterInstalled.self) { installed, context in
            if let ticket = try ServiceTicketStore.ticket(requestCode: installed.requestCode, in: context.db) {
                try workflow.recordSplitInstalled(installed, ticket, cause: context.envelope, in: context.db)
            } else {
                try workflow.recordMeterInstalled(installed, cause: context.envelope, in: context.db)
            }
        }
        handlers.on(MeterVisited.self) { visited, context in
            try workflow.recordVisit(visited, cause: context.envelope, in: context.db)
        }
        handlers.on(SignatureCaptured.self) { signature, context in
            try workflow.recordSignature(signature, cause: context.envelope, in: context.db)
        }
        handlers.on(CustomerNotified.self) { notified, context in
            try workflow.recordNotification(notified, in: context.db)
        }
        handlers.on(HouseholdCountChanged.self) { change, context in
            if let requestCode = change.requestCode,
               let ticket = try ServiceTicketStore.ticket(requestCode: requestCode, in: context.db) {
                try workflow.recordCount(change, ticket, cause: context.envelope, in: context.db)
            } else {
                try workflow.openAmendment(change, cause: context.envelope, in: context.db)
            }
        }
        handlers.on(InquiryReceived.self) { inquiry, context in
            try workflow.receiveInquiry(inquiry, cause: context.envelope, in: context.db)
        }
        handlers.on(AttachmentAdded.self) { attachment, context in
            try RequestAttachments.record(attachment, in: context.db)
        }
        handlers.answer(RequestTimelineQuery.self, owner: { $0.requestCode }) { query, db in
            try RequestTimelineReader.timeline(of: query.requestCode, personalData: workflow.personalData, in: db)
        }
        return handlers
    }
}
