import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

extension TicketWorkflow {
    // MARK: Contract (flow steps 6–7)

    /// Drafts the request's one contract once the meter is installed and screening allows it,
    /// whichever came last; does nothing before that, or when the contract exists.
    func draftContractIfReady(_ ticket: Ticket, cause: Envelope?, in db: Database) throws {
        guard ticket.isReadyForContract, let meterSerial = ticket.meterSerial,
              try ContractStore.contract(requestCode: ticket.requestCode, in: db) == nil else { return }
        let draftedAt = currentInstant
        let branchCode = ticket.branch.code
        let year = CalendarDay(draftedAt).year
        let contract = Contract(
            contractNumber: Contract.number(
                branchCode: branchCode, year: year,
                sequence: try ContractStore.nextNumber("contract/\(branchCode)/\(year)", in: db)),
            requestCode: ticket.requestCode,
            customerCode: Contract.customerCode(
                branchCode: branchCode, sequence: try ContractStore.nextNumber("customer/\(branchCode)", in: db)),
            meterSerial: meterSerial, tariffGroup: TariffGroup.of(ticket.purpose),
            householdCount: ticket.householdCount, status: .drafted, draftedAt: draftedAt)
        try ContractStore.insert(contract, in: db)
        try TimelineStore.append(TimelineEntry(.contractDrafted, at: draftedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(ContractDrafted(
            contractNumber: contract.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
            holderName: try parties(of: ticket).applicant.fullName, site: ticket.site, meterSerial: meterSerial,
            purpose: ticket.purpose, tariffGroup: contract.tariffGroup, householdCount: contract.householdCount,
            draftedAt: draftedAt
        ), requestCode: ticket.requestCode, cause: cause, at: draftedAt, in: db)
        log("contract drafted", ticket, ["contract_number": "\(contract.contractNumber)",
                                         "customer_code": "\(contract.customerCode)",
                                         "tariff_group": "\(contract.tariffGroup)"], in: db)
    }

    /// Marks the contract signed, registers a shared meter's main household, and closes the
    /// ticket on the day of the signature.
    func recordSignature(_ signature: SignatureCaptured, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(signature.requestCode, in: db)
        guard let contract = try ContractStore.contract(requestCode: ticket.requestCode, in: db),
              contract.contractNumber == signature.contractNumber else {
            throw MessageHandlingError.permanent(
                "request \(signature.requestCode) has no drafted contract \(signature.contractNumber)")
        }
        guard contract.status == .drafted else { return }
        let signedAt = signature.signedAt
        try ContractStore.markSigned(contractNumber: contract.contractNumber, at: signedAt, in: db)
        try TimelineStore.append(TimelineEntry(.signatureCaptured, at: signedAt), requestCode: ticket.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.contractSigned, at: signedAt), requestCode: ticket.requestCode, in: db)
        let parties = try parties(of: ticket)
        try messages.send(ContractSigned(
            contractNumber: contract.contractNumber, requestCode: ticket.requestCode, branch: ticket.branch,
            customerCode: contract.customerCode, meterSerial: contract.meterSerial,
            householdCount: contract.householdCount, signedAt: signedAt,
            communeCode: ticket.site.communeCode, holderPhone: parties.applicant.phone
        ), requestCode: ticket.requestCode, cause: cause, at: signedAt, in: db)
        if contract.householdCount >= 2 {
            try messages.send(RegisterMainHousehold(
                requestCode: ticket.requestCode, contractNumber: contract.contractNumber,
                customerCode: contract.customerCode, meterSerial: contract.meterSerial, site: ticket.site,
                holder: parties.holder, holderPhone: parties.applicant.phone,
                householdCount: contract.householdCount,
                subHouseholds: parties.extraHouseholds, signedAt: signedAt
            ), requestCode: ticket.requestCode, cause: cause, at: signedAt, in: db)
        }
        log("contract signed", ticket, ["contract_number": "\(contract.contractNumber)",
                                        "household_count": "\(contract.householdCount)"], in: db)
        try close(ticket, resolution: .contractSigned, at: signedAt, cause: cause, in: db)
    }

    // MARK: Ending

    /// Refuses the request on `ground` with staff's sentence for the customer, and closes the
    /// ticket; the same for a connection and a service request.
    func refuse(_ ticket: some RequestTicket, ground: RequestRefused.Ground, reason: String, cause: Envelope? = nil,
                in db: Database) throws {
        let refusedAt = currentInstant
        try TimelineStore.append(TimelineEntry(.requestRefused, at: refusedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(RequestRefused(ticketId: ticket.ticketId, requestCode: ticket.requestCode,
                                         requestKind: ticket.requestKind, branch: ticket.branch, ground: ground,
                                         reason: reason, refusedAt: refusedAt),
                          requestCode: ticket.requestCode, cause: cause, at: refusedAt, in: db)
        log("request refused", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["ground": "\(ground.rawValue)"], in: db)
        try close(ticket, resolution: .refused, at: refusedAt, cause: cause, in: db)
    }

    /// Closes the ticket and judges its SLA: the working days from the day of receipt to the
    /// day of closing, against the limit that holds at the end. Every kind of ticket with a
    /// request code is closed, announced and logged this one way.
    func close(_ ticket: some ClosableTicket, resolution: TicketClosed.Resolution, at closedAt: Date, cause: Envelope?,
               in db: Database) throws {
        let verdict = policy.verdict(receivedOn: ticket.receivedOn, limit: ticket.slaLimit,
                                     closedOn: CalendarDay(closedAt))
        let taken = verdict.workingDaysTaken
        let closure = Ticket.Closure(resolution: resolution, workingDaysTaken: taken, slaOutcome: verdict.outcome,
                                     closedAt: closedAt)
        try ticket.recordClosure(closure, in: db)
        try TimelineStore.append(TimelineEntry(.ticketClosed, detail: ticket.closingDetail, at: closedAt),
                                 requestCode: ticket.requestCode, in: db)
        try messages.send(TicketClosed(
            ticketId: ticket.ticketId, requestCode: ticket.requestCode, branchCode: ticket.branch.code,
            resolution: resolution, slaLimitWorkingDays: ticket.slaLimit, workingDaysTaken: taken,
            slaOutcome: closure.slaOutcome, closedAt: closedAt
        ), requestCode: ticket.requestCode, cause: cause, at: closedAt, in: db)
        log("ticket closed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["resolution": "\(resolution.rawValue)", "working_days_taken": "\(taken)",
             "sla_limit_working_days": "\(ticket.slaLimit)", "sla_outcome": "\(closure.slaOutcome.rawValue)"], in: db)
    }
}

/// A ticket with a request code, whichever kind: what closing it needs.
protocol ClosableTicket: Sendable {
    var ticketId: String { get }
    var requestCode: String { get }
    var branch: Branch { get }
    var status: TicketStatus { get }
    /// Day 0 of the SLA count.
    var receivedOn: CalendarDay { get }
    var slaLimit: Int { get }
    /// Tells this closing's timeline step apart from earlier ones of a ticket that reopens.
    var closingDetail: String { get }

    /// Writes the closure to the ticket's own table.
    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws
}

extension ClosableTicket {
    /// Tickets that never reopen close once.
    var closingDetail: String { "" }
}

/// A ticket of a request of some kind: what refusing it needs as well.
protocol RequestTicket: ClosableTicket {
    var requestKind: RequestKind { get }
}

extension Ticket: RequestTicket {
    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws {
        try TicketStore.close(closure, ticketId: ticketId, in: db)
    }
}

extension ServiceTicket: RequestTicket {
    var requestKind: RequestKind { kind }

    func recordClosure(_ closure: Ticket.Closure, in db: Database) throws {
        try ServiceTicketStore.close(closure, ticketId: ticketId, in: db)
    }
}
