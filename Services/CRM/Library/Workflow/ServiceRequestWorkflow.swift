import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// A service request's ticket (``ServiceTicket``), every kind about an existing supply point:
/// opening with the kind's limit, the branch's decision, and (in
/// ``ServiceRequestWorkflow+Fieldwork``) what metering and households answer.
struct ServiceRequestWorkflow: TicketWorkflow {
    typealias Model = ServiceTicket

    let context: WorkflowContext

    /// Opens the one ticket of a service request with its kind's limit, tells the customer it
    /// was received, and starts what needs no decision: households' screening of new
    /// households, metering's visit for an inspection or verification.
    func open(_ request: ServiceRequestSubmitted, cause: Envelope, in db: Database) throws {
        guard try ServiceTicketStore.ticketId(requestCode: request.requestCode, in: db) == nil else { return }
        guard !request.requestKind.isConnection else {
            throw MessageRefusal.connectionAsServiceRequest(requestCode: request.requestCode,
                                                            kind: request.requestKind.rawValue)
        }
        let opening = openingNow(request.requestKind, areaClass: request.details.site?.areaClass ?? .urban,
                              submittedAt: request.submittedAt)
        let filing = ServiceTicket.Filing(requester: request.requester, details: request.details)
        let ticket = ServiceTicket(
            ticketId: ServiceTicket.ticketId(requestCode: request.requestCode), requestCode: request.requestCode,
            kind: request.requestKind, customerCode: request.customerCode, branch: request.branch,
            sealedFiling: try personalData.seal(json: filing),
            receivedOn: opening.receivedOn, openedAt: opening.openedAt, status: .open,
            stage: Self.firstStage(of: request.requestKind), slaLimit: opening.slaLimit, dueDate: opening.dueDate)
        try ServiceTicketStore.insert(ticket, in: db)
        try announceOpening(ticket, opening, channel: request.channel, submittedAt: request.submittedAt,
                            contact: CustomerContact(phone: request.requester.phone, email: request.requester.email),
                            cause: cause, in: db)
        log("service ticket opened", requestCode: ticket.requestCode, ticketId: ticket.ticketId, [
            "kind": "\(ticket.kind.rawValue)", "customer_code": "\(ticket.customerCode)",
            "branch": "\(ticket.branch.code)", "sla_limit_working_days": "\(ticket.slaLimit)",
            "due_date": "\(ticket.dueDate)",
        ], in: db)
        switch ticket.kind {
        case .householdCountChange:
            try messages.send(ScreenIdentities(requestCode: ticket.requestCode, requestKind: ticket.kind,
                                               idNumbers: (request.details.newHouseholds ?? []).map(\.idNumber),
                                               customerCode: ticket.customerCode,
                                               leavingSubHouseholdIds: request.details.leavingSubHouseholdIds),
                              requestCode: ticket.requestCode, cause: cause, at: opening.openedAt, in: db)
        case .changeOfHolder:
            try screenNewHolder(ticket, request.details, cause: cause, at: opening.openedAt, in: db)
        case .meterInspection, .meterVerification:
            try requestVisit(ticket, cause: cause, in: db)
        case .independentVerification:
            if let reason = try disputeProblem(ticket, disputed: request.details.disputedRequestCode, in: db) {
                try refuse(ticket, ground: .refusedByBranch, reason: reason, cause: cause, in: db)
            } else {
                try requestVisit(ticket, cause: cause, in: db)
            }
        default:
            break
        }
    }

    /// Staff's decision on a service request waiting for one: a refusal tells the customer why
    /// and closes the ticket; an approval carries the request out, or hands it to metering or
    /// households. `phase` is a split's new meter's.
    func decide(_ ticket: ServiceTicket, approve: Bool, reason: String?, phase: MeterPhase, staffId: String,
                in db: Database) throws {
        try requireOpen(ticket)
        guard ticket.stage == .review else { throw StepRefusal.notAwaitingDecision }
        guard approve else {
            try refuse(ticket, ground: .refusedByBranch, reason: reason ?? "", in: db)
            return
        }
        let approvedAt = currentInstant
        let filing = try filing(of: ticket)
        let heldToSign = try heldContractToSign(ticket, filing.details, in: db)
        let next: ServiceStage = switch ticket.kind {
        case .contractTermination, .meterSplit: .fieldWork
        case .householdCountChange: .counting
        case .changeOfHolder where heldToSign != nil: .signing
        default: .closed
        }
        var newCustomerCode: String?
        if ticket.kind == .meterSplit {
            newCustomerCode = Contract.customerCode(
                branchCode: ticket.branch.code,
                sequence: try ContractStore.nextNumber("customer/\(ticket.branch.code)", in: db))
        }
        try ServiceTicketStore.recordApproval(by: staffId, at: approvedAt, stage: next,
                                              newCustomerCode: newCustomerCode, ticketId: ticket.ticketId, in: db)
        try TimelineStore.append(TimelineEntry(.requestApproved, at: approvedAt), requestCode: ticket.requestCode, in: db)
        log("service request approved", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["kind": "\(ticket.kind.rawValue)", "staff_id": "\(staffId)"], in: db)
        switch ticket.kind {
        case .contractRenewal:
            try renew(ticket, approvedAt: approvedAt, in: db)
        case .changeOfHolder where heldToSign != nil:
            guard let heldToSign else { break }
            try draftForNewHolder(ticket, filing.details, heldToSign, at: approvedAt, in: db)
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
        case .changeOfHolder, .changeOfPurpose:
            let tariffGroup = try changeHeldContract(ticket, purpose: filing.details.purpose, in: db)
            if ticket.kind == .changeOfHolder {
                try transferHeldContract(ticket, to: filing.details, on: approvedAt, cause: nil, in: db)
            }
            try TimelineStore.append(TimelineEntry(.contractChanged, at: approvedAt),
                                     requestCode: ticket.requestCode, in: db)
            try progressed(ticket, .completed, ServiceRequestSummary.contractChanged(
                ticket.kind, customerCode: ticket.customerCode, tariffGroup: tariffGroup, on: CalendarDay(approvedAt)),
                cause: nil, in: db)
            try close(ticket, resolution: .completed, at: currentInstant, cause: nil, in: db)
        case .contractTermination:
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
            try requestVisit(ticket, cause: nil, in: db)
        case .householdCountChange:
            try messages.send(RegisterSubHouseholds(
                requestCode: ticket.requestCode, customerCode: ticket.customerCode, unit: ticket.branch.code,
                holder: Person(fullName: filing.requester.fullName, idNumber: filing.requester.idNumber),
                holderPhone: filing.requester.phone, subHouseholds: filing.details.newHouseholds ?? [],
                leavingSubHouseholdIds: filing.details.leavingSubHouseholdIds
            ), requestCode: ticket.requestCode, cause: nil, at: approvedAt, in: db)
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
        case .meterSplit:
            guard let site = filing.details.site, let subHouseholdId = filing.details.subHouseholdId,
                  let newCustomerCode else { throw StepRefusal.wrongTicketKind }
            try messages.send(InstallMeter(
                requestCode: ticket.requestCode, requestKind: ticket.kind, branchCode: ticket.branch.code, phase: phase,
                site: site, split: InstallMeter.Split(sharedCustomerCode: ticket.customerCode, subHouseholdId: subHouseholdId,
                                          newCustomerCode: newCustomerCode)
            ), requestCode: ticket.requestCode, cause: nil, at: approvedAt, in: db)
            try TimelineStore.append(TimelineEntry(.installationRequested, at: approvedAt),
                                     requestCode: ticket.requestCode, in: db)
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
        default:
            throw StepRefusal.notAwaitingDecision
        }
    }

    /// The requester and details, unsealed.
    func filing(of ticket: ServiceTicket) throws -> ServiceTicket.Filing {
        try personalData.open(ServiceTicket.Filing.self, json: ticket.sealedFiling)
    }

    // MARK: Steps shared by the kinds

    private static func firstStage(of kind: RequestKind) -> ServiceStage {
        switch kind {
        case .householdCountChange, .changeOfHolder: .screening
        case .meterInspection, .meterVerification, .independentVerification: .fieldWork
        default: .review
        }
    }

    /// Asks metering, once, to visit the meter for the kind's purpose.
    func requestVisit(_ ticket: ServiceTicket, cause: Envelope?, in db: Database) throws {
        let purpose: VisitMeter.Purpose = switch ticket.kind {
        case .meterInspection: .inspection
        case .meterVerification: .verification
        case .independentVerification: .independentVerification
        default: .finalReading
        }
        let requestedAt = currentInstant
        try messages.send(VisitMeter(requestCode: ticket.requestCode, branchCode: ticket.branch.code,
                                     customerCode: ticket.customerCode, purpose: purpose),
                          requestCode: ticket.requestCode, cause: cause, at: requestedAt, in: db)
        try TimelineStore.append(TimelineEntry(.meterVisitRequested, at: requestedAt),
                                 requestCode: ticket.requestCode, in: db)
        log("meter visit requested", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["purpose": "\(purpose.rawValue)"], in: db)
    }

    /// Why an independent verification cannot go ahead: it must dispute a finished verification
    /// of the same customer code (Electricity Law art. 25.3); nil when it does.
    private func disputeProblem(_ ticket: ServiceTicket, disputed: String?, in db: Database) throws -> String? {
        guard let disputed, let verification = try ServiceTicketStore.ticket(requestCode: disputed, in: db),
              verification.kind == .meterVerification, verification.customerCode == ticket.customerCode,
              verification.visit?.check != nil else {
            return "Không tìm thấy kết quả kiểm định công tơ của mã khách hàng này để đề nghị kiểm định độc lập"
        }
        return nil
    }

    /// Changes the contract crm holds for the customer code: a new purpose's tariff group; the
    /// tariff group that now applies, when crm holds the contract.
    private func changeHeldContract(_ ticket: ServiceTicket, purpose: PurposeOfUse?, in db: Database) throws -> String? {
        guard let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) else {
            return purpose.map(TariffGroup.of)
        }
        guard ticket.kind == .changeOfPurpose, let purpose else { return contract.tariffGroup }
        let tariffGroup = TariffGroup.of(purpose)
        let changedAt = currentInstant
        try ContractStore.changeTariffGroup(
            tariffGroup, contractNumber: contract.contractNumber,
            ContractVersion.Cause(source: ticket.requestCode, effectiveOn: CalendarDay(changedAt).calendarDate, recordedAt: changedAt),
            in: db)
        log("contract tariff group changed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["contract_number": "\(contract.contractNumber)", "tariff_group": "\(tariffGroup)"], in: db)
        return tariffGroup
    }

    func progressed(_ ticket: ServiceTicket, _ stage: RequestProgressed.Stage, _ summary: LocalizedText,
                            cause: Envelope?, in db: Database) throws {
        let at = currentInstant
        try messages.send(RequestProgressed(ticketId: ticket.ticketId, requestCode: ticket.requestCode,
                                            requestKind: ticket.kind, branch: ticket.branch, stage: stage,
                                            summary: summary, progressedAt: at),
                          requestCode: ticket.requestCode, cause: cause, at: at, in: db)
    }
}
