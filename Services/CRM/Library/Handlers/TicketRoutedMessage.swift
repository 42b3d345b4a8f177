import Contracts
import GRDB
import Messaging

/// A message crm hands to the workflow of the ticket it concerns (``TicketMessageRouter``):
/// each says here which workflow, and which step, takes it. Routing a new message is its
/// conformance below and its one line in ``CRMMessageHandlers``.
protocol TicketRoutedMessage: MessageContract {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws
}

extension RequestSubmitted: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        try workflows.connections.open(self, cause: cause, in: db)
    }
}

extension ServiceRequestSubmitted: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        try workflows.serviceRequests.open(self, cause: cause, in: db)
    }
}

extension ScreeningCompleted: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        if try router.isConnection(requestCode, named: requestKind, in: db) {
            try workflows.connections.recordScreening(self, cause: cause, in: db)
        } else {
            try workflows.serviceRequests.recordScreening(self, cause: cause, in: db)
        }
    }
}

extension WorkOrderOpened: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        if try router.isConnection(requestCode, named: requestKind, in: db) {
            try workflows.connections.recordWorkOrder(self, in: db)
        } else {
            try workflows.serviceRequests.recordWorkOrder(self, in: db)
        }
    }
}

extension MeterInstalled: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        if try router.isConnection(requestCode, named: requestKind, in: db) {
            try workflows.connections.recordMeterInstalled(self, cause: cause, in: db)
        } else {
            try workflows.serviceRequests.recordSplitInstalled(self, cause: cause, in: db)
        }
    }
}

extension MeterVisited: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        try workflows.serviceRequests.recordVisit(self, cause: cause, in: db)
    }
}

extension SignatureCaptured: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        if let document, !document.matchesItsHash { throw MessageRefusal.signedCopyMismatch(requestCode: requestCode) }
        if try router.isConnection(requestCode, named: nil, in: db) {
            try workflows.connections.recordSignature(self, cause: cause, in: db)
        } else {
            try workflows.serviceRequests.recordHolderSignature(self, cause: cause, in: db)
        }
    }
}

extension CustomerNotified: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        if try router.isConnection(requestCode, named: nil, in: db) {
            try workflows.connections.recordNotification(self, in: db)
        } else {
            try workflows.serviceRequests.recordNotification(self, in: db)
        }
    }
}

extension HouseholdCountChanged: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        if let requestCode {
            try workflows.serviceRequests.recordCount(self, requestCode: requestCode, cause: cause, in: db)
        } else {
            try workflows.amendments.open(self, cause: cause, in: db)
        }
    }
}

extension SubHouseholdsRefused: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        try workflows.serviceRequests.recordHouseholdsRefusal(self, cause: cause, in: db)
    }
}

extension InquiryReceived: TicketRoutedMessage {
    func route(to workflows: TicketWorkflows, by router: TicketMessageRouter, cause: Envelope, in db: Database) throws {
        try workflows.inquiries.receive(self, cause: cause, in: db)
    }
}
