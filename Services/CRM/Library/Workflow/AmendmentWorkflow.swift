import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// A contract amendment's ticket (``ContractAmendment``; QLHP: the number of households
/// sharing a meter changed). No request asked for it, so it has no request timeline and no
/// event names its steps.
struct AmendmentWorkflow: TicketWorkflow {
    typealias Model = ContractAmendment

    let context: WorkflowContext

    /// Opens the one amendment ticket of households' change, owned by the dossier's unit, due
    /// 3 working days after the day of the change; a change already ticketed changes nothing.
    func open(_ change: HouseholdCountChanged, cause: Envelope, in db: Database) throws {
        guard try !AmendmentStore.exists(changeId: change.changeId, in: db) else { return }
        guard let previous = HouseholdQuarters(validating: change.previousQuarters),
              let new = HouseholdQuarters(validating: change.newQuarters) else {
            throw MessageRefusal.malformed(
                "change \(change.changeId) has a negative count (\(change.previousQuarters) → \(change.newQuarters))")
        }
        guard !change.unit.isEmpty, !change.customerCode.isEmpty else {
            throw MessageRefusal.malformed("change \(change.changeId) names no unit or customer code")
        }
        let openedAt = currentInstant
        let receivedOn = CalendarDay(change.changedAt)
        let limit = ServiceTimePolicy.contractAmendmentLimit
        let amendment = ContractAmendment(
            ticketId: ContractAmendment.ticketId(
                unit: change.unit, sequence: try ContractStore.nextNumber("amendment/\(change.unit)", in: db)),
            changeId: change.changeId, dossierId: change.dossierId, unit: change.unit,
            customerCode: change.customerCode, contractNumber: change.contractNumber, previousCount: previous,
            newCount: new, reason: change.reason, effectiveOn: change.effectiveOn, changedAt: change.changedAt,
            correlationId: cause.correlationId ?? change.changeId, receivedOn: receivedOn, openedAt: openedAt,
            status: .open, slaLimit: limit, dueDate: policy.dueDate(receivedOn: receivedOn, limit: limit))
        try AmendmentStore.insert(amendment, in: db)
        log("amendment ticket opened", amendment, [
            "change_id": "\(change.changeId)", "dossier_id": "\(change.dossierId)", "unit": "\(change.unit)",
            "previous_quarters": "\(previous.quarters)", "new_quarters": "\(new.quarters)",
            "reason": "\(change.reason.rawValue)", "sla_limit_working_days": "\(limit)",
            "due_date": "\(amendment.dueDate)",
        ], in: db)
    }

    /// Records that `staffId` reached the customer about the amendment: the call is kept with
    /// the ticket only.
    func recordContact(_ amendment: ContractAmendment, staffId: String, note: String?, in db: Database) throws {
        try requireOpen(amendment)
        try ContactStore.record(staffId: staffId, note: note, at: currentInstant, ticketId: amendment.ticketId, in: db)
        log("contact recorded", amendment, ["staff_id": "\(staffId)"], in: db)
    }

    /// Records that `staffId` amended the contract: the contract crm holds takes the new count
    /// (unless a later change already set it), and the ticket closes with its SLA verdict.
    func recordAmendment(_ amendment: ContractAmendment, staffId: String, note: String?, in db: Database) throws {
        try requireOpen(amendment)
        let closedAt = currentInstant
        let contractUpdated = try amendHeldContract(of: amendment, in: db)
        let closure = ContractAmendment.Closure(
            staffId: staffId, note: note, contractUpdated: contractUpdated,
            verdict: policy.verdict(receivedOn: amendment.receivedOn, limit: amendment.slaLimit,
                                    closedOn: CalendarDay(closedAt)),
            closedAt: closedAt)
        try AmendmentStore.close(closure, ticketId: amendment.ticketId, in: db)
        log("amendment ticket closed", amendment, [
            "staff_id": "\(staffId)", "contract_updated": "\(contractUpdated)",
            "working_days_taken": "\(closure.verdict.workingDaysTaken)",
            "sla_limit_working_days": "\(amendment.slaLimit)", "sla_outcome": "\(closure.verdict.outcome.rawValue)",
        ], in: db)
    }

    /// Sets the new count on the amendment's contract when crm holds it (same number and
    /// customer code) and no later change set it already; whether it did.
    private func amendHeldContract(of amendment: ContractAmendment, in db: Database) throws -> Bool {
        guard let number = amendment.contractNumber,
              let contract = try ContractStore.contract(number: number, in: db),
              contract.customerCode == amendment.customerCode,
              try !AmendmentStore.laterChangeApplied(contractNumber: number, after: amendment.changedAt, in: db)
        else { return false }
        try ContractStore.amendHouseholds(
            amendment.newCount, contractNumber: number,
            ContractVersion.Cause(source: amendment.ticketId,
                                  effectiveOn: amendment.effectiveOn,
                                  recordedAt: currentInstant), in: db)
        log("contract household count amended", amendment, [
            "contract_number": "\(number)", "previous_quarters": "\(contract.households.quarters)",
            "new_quarters": "\(amendment.newCount.quarters)",
        ], in: db)
        return true
    }

    /// Logs `message` about an amendment once its transaction has committed.
    func log(_ message: Logger.Message, _ amendment: ContractAmendment, _ metadata: Logger.Metadata = [:],
             in db: Database) {
        context.log(message, metadata.merging([
            "ticket_id": "\(amendment.ticketId)", "customer_code": "\(amendment.customerCode)",
            "correlation_id": "\(amendment.correlationId)",
        ]) { _, fixed in fixed }, in: db)
    }
}
