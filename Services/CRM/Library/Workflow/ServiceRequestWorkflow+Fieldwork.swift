import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

extension ServiceRequestWorkflow {
    // MARK: Field work (what metering and households answer about a service request)

    /// households' screening of a household change's new households or of a new holder: the
    /// ticket then waits for staff, unless the new holder is refused (``refuseConflictingHolder``).
    func recordScreening(_ screening: ScreeningCompleted, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(screening.requestCode, in: db)
        guard ticket.screening == nil, ticket.status == .open else { return }
        try ServiceTicketStore.recordScreening(screening, ticketId: ticket.ticketId, in: db)
        let kind: TimelineEntry.Kind = screening.outcome == .clear ? .screeningClear : .screeningConflict
        try TimelineStore.append(TimelineEntry(kind, at: screening.screenedAt), requestCode: ticket.requestCode, in: db)
        log("screening recorded", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["outcome": "\(screening.outcome.rawValue)", "conflicts": "\(screening.conflicts.count)"], in: db)
        if ticket.kind == .changeOfHolder, screening.outcome == .conflict {
            try refuseConflictingHolder(ticket, screening.conflicts, cause: cause, in: db)
        }
    }

    /// Metering's visit: an inspection's or verification's result, or a termination's final
    /// reading, which ends the contract crm holds. Either way the customer is told and the ticket closes.
    func recordVisit(_ visit: MeterVisited, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(visit.requestCode, in: db)
        guard ticket.visit == nil, ticket.status == .open else { return }
        try ServiceTicketStore.recordVisit(visit, ticketId: ticket.ticketId, in: db)
        if let check = visit.check {
            try TimelineStore.append(TimelineEntry(.meterChecked, detail: check.accurate ? "accurate" : "inaccurate",
                                                   at: visit.visitedAt), requestCode: ticket.requestCode, in: db)
            log("meter check recorded", requestCode: ticket.requestCode, ticketId: ticket.ticketId, [
                "visit_id": "\(visit.visitId)", "meter_serial": "\(visit.meterSerial)",
                "measured_error_percent": "\(check.measuredErrorPercent)", "accurate": "\(check.accurate)",
                "fee_vnd": "\(check.feeVND)",
            ], in: db)
            try progressed(ticket, .meterChecked, ServiceRequestSummary.checked(check), cause: cause, in: db)
        } else {
            let effectiveOn = CalendarDay(visit.visitedAt).calendarDate
            let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db)
            if let contract {
                try ContractStore.markEnded(
                    contractNumber: contract.contractNumber, at: visit.visitedAt,
                    ContractVersion.Cause(source: ticket.requestCode, effectiveOn: effectiveOn, recordedAt: currentInstant),
                    in: db)
            }
            try messages.send(ContractEnded(
                contractNumber: contract?.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
                customerCode: ticket.customerCode, effectiveOn: effectiveOn, endedAt: visit.visitedAt
            ), requestCode: ticket.requestCode, cause: cause, at: currentInstant, in: db)
            try TimelineStore.append(TimelineEntry(.finalReadingTaken, at: visit.visitedAt),
                                     requestCode: ticket.requestCode, in: db)
            try TimelineStore.append(TimelineEntry(.contractEnded, at: visit.visitedAt),
                                     requestCode: ticket.requestCode, in: db)
            log("final reading recorded; contract ended", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
                ["visit_id": "\(visit.visitId)", "reading_kwh": "\(visit.readingKWh)"], in: db)
            try progressed(ticket, .finalReadingTaken,
                           ServiceRequestSummary.finalReading(visit.readingKWh, customerCode: ticket.customerCode),
                           cause: cause, in: db)
        }
        try close(ticket, resolution: .completed, at: currentInstant, cause: cause, in: db)
    }

    /// households counted a household change's new households: the contract crm holds takes the
    /// new count, the customer is told, and the ticket closes.
    func recordCount(_ change: HouseholdCountChanged, requestCode: String, cause: Envelope,
                     in db: Database) throws {
        let ticket = try existingTicket(requestCode, in: db)
        guard ticket.countedQuarters == nil, ticket.status == .open else { return }
        guard let count = HouseholdQuarters(validating: change.newQuarters) else {
            throw MessageRefusal.malformed("change \(change.changeId) has a negative count")
        }
        try ServiceTicketStore.recordCount(quarters: count.quarters, ticketId: ticket.ticketId, in: db)
        try TimelineStore.append(TimelineEntry(.householdsCounted, at: change.changedAt),
                                 requestCode: ticket.requestCode, in: db)
        if let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) {
            try ContractStore.amendHouseholds(
                count, contractNumber: contract.contractNumber,
                ContractVersion.Cause(source: ticket.requestCode, effectiveOn: change.effectiveOn,
                                      recordedAt: currentInstant), in: db)
        }
        try TimelineStore.append(TimelineEntry(.contractAmended, at: currentInstant),
                                 requestCode: ticket.requestCode, in: db)
        log("households counted; contract amended", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["change_id": "\(change.changeId)", "new_quarters": "\(count.quarters)"], in: db)
        try progressed(ticket, .completed, ServiceRequestSummary.households(count.quarters), cause: cause, in: db)
        try close(ticket, resolution: .completed, at: currentInstant, cause: cause, in: db)
    }

    /// Metering's work order of a split, on the timeline.
    func recordWorkOrder(_ workOrder: WorkOrderOpened, in db: Database) throws {
        let ticket = try existingTicket(workOrder.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.workOrderOpened, detail: workOrder.workOrderId, at: workOrder.openedAt),
                                 requestCode: ticket.requestCode, in: db)
        log("work order opened", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["work_order_id": "\(workOrder.workOrderId)"], in: db)
    }

    /// A split's new meter is installed (households records the split from metering's own
    /// event): the customer gets the new customer code and the ticket closes.
    func recordSplitInstalled(_ installed: MeterInstalled, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(installed.requestCode, in: db)
        guard ticket.status == .open, ticket.kind == .meterSplit, let newCustomerCode = ticket.newCustomerCode else {
            return
        }
        try TimelineStore.append(TimelineEntry(.meterInstalled, at: installed.installedAt),
                                 requestCode: ticket.requestCode, in: db)
        log("split meter installed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["meter_serial": "\(installed.meterSerial)", "new_customer_code": "\(newCustomerCode)"], in: db)
        try progressed(ticket, .completed,
                       ServiceRequestSummary.split(newCustomerCode: newCustomerCode, meterSerial: installed.meterSerial),
                       cause: cause, in: db)
        try close(ticket, resolution: .completed, at: currentInstant, cause: cause, in: db)
    }

    /// The service ticket a message names; a message about a request crm never opened cannot be handled.
    func existingTicket(_ requestCode: String, in db: Database) throws -> ServiceTicket {
        guard let ticket = try ServiceTicketStore.ticket(requestCode: requestCode, in: db) else {
            throw MessageRefusal.noServiceTicket(requestCode: requestCode)
        }
        return ticket
    }
}
