import Contracts
import Foundation
import GRDB
import WorkingCalendar

extension ServiceRequestWorkflow {
    /// Carries out an approved renewal and closes its ticket. A contract with a term runs one
    /// more term, from its end or from today when it already ran out: a new version
    /// (`renewed`) with the new end, told to the customer. An open-ended contract never runs
    /// out, so nothing changes and the customer is told so. A customer code whose contract
    /// crm does not hold (the billing system's customers) is told it was renewed, as before
    /// contracts had terms.
    func renew(_ ticket: ServiceTicket, approvedAt: Date, in db: Database) throws {
        guard let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) else {
            try completeRenewal(ticket, ServiceRequestSummary.contractChanged(
                ticket.kind, customerCode: ticket.customerCode, tariffGroup: nil, on: CalendarDay(approvedAt)),
                contractChanged: true, in: db)
            return
        }
        guard let term = contract.term, let endsOn = contract.endsOn else {
            log("open-ended contract not renewed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
                ["contract_number": "\(contract.contractNumber)"], in: db)
            try completeRenewal(ticket, ServiceRequestSummary.nothingToRenew(customerCode: ticket.customerCode),
                                contractChanged: false, in: db)
            return
        }
        let today = CalendarDay(approvedAt)
        let renewedUntil = term.renewedEnd(endingOn: endsOn, today: today)
        try ContractStore.renew(
            until: renewedUntil, contractNumber: contract.contractNumber,
            ContractVersion.Cause(source: ticket.requestCode, effectiveOn: today.calendarDate, recordedAt: approvedAt),
            in: db)
        log("contract renewed", requestCode: ticket.requestCode, ticketId: ticket.ticketId, [
            "contract_number": "\(contract.contractNumber)", "term_months": "\(term.months)",
            "previous_end": "\(endsOn)", "new_end": "\(renewedUntil)",
        ], in: db)
        try completeRenewal(ticket, ServiceRequestSummary.renewed(customerCode: ticket.customerCode, until: renewedUntil),
                            contractChanged: true, in: db)
    }

    /// Tells the customer what became of the renewal and closes the ticket.
    private func completeRenewal(_ ticket: ServiceTicket, _ summary: LocalizedText, contractChanged: Bool,
                                 in db: Database) throws {
        if contractChanged {
            try TimelineStore.append(TimelineEntry(.contractChanged, at: currentInstant),
                                     requestCode: ticket.requestCode, in: db)
        }
        try progressed(ticket, .completed, summary, cause: nil, in: db)
        try close(ticket, resolution: .completed, at: currentInstant, cause: nil, in: db)
    }
}
