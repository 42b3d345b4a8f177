import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

extension TicketWorkflow {
    // MARK: Service requests (every kind about an existing supply point)

    /// Opens the one ticket of a service request with its kind's limit, tells the customer it
    /// was received, and starts what needs no decision: households' screening of new
    /// households, metering's visit for an inspection or verification.
    func openServiceTicket(_ request: ServiceRequestSubmitted, cause: Envelope, in db: Database) throws {
        guard try ServiceTicketStore.ticketId(requestCode: request.requestCode, in: db) == nil else { return }
        guard !request.requestKind.isConnection else {
            throw MessageHandlingError.permanent(
                "service request \(request.requestCode) is a connection (\(request.requestKind.rawValue))")
        }
        let openedAt = currentInstant
        let receivedOn = CalendarDay(request.submittedAt)
        let limit = policy.initialLimit(for: request.requestKind, areaClass: request.details.site?.areaClass ?? .urban)
        let filing = ServiceTicket.Filing(requester: request.requester, details: request.details)
        let ticket = ServiceTicket(
            ticketId: ServiceTicket.ticketId(requestCode: request.requestCode), requestCode: request.requestCode,
            kind: request.requestKind, customerCode: request.customerCode, branch: request.branch,
            sealedFiling: personalData.seal(String(decoding: try JSONCoding.encoder.encode(filing), as: UTF8.self)),
            receivedOn: receivedOn, openedAt: openedAt, status: .open, stage: Self.firstStage(of: request.requestKind),
            slaLimit: limit, dueDate: policy.dueDate(receivedOn: receivedOn, limit: limit))
        try ServiceTicketStore.insert(ticket, in: db)
        try TimelineStore.append(TimelineEntry(.requestSubmitted, detail: request.channel.rawValue, at: request.submittedAt),
                                 requestCode: ticket.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.ticketOpened, at: openedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(TicketOpened(
            ticketId: ticket.ticketId, requestCode: ticket.requestCode, requestKind: ticket.kind, branch: ticket.branch,
            contact: CustomerContact(phone: request.requester.phone, email: request.requester.email),
            slaLimitWorkingDays: limit, dueDate: ticket.dueDate.calendarDate, openedAt: openedAt
        ), requestCode: ticket.requestCode, cause: cause, at: openedAt, in: db)
        log("service ticket opened", requestCode: ticket.requestCode, ticketId: ticket.ticketId, [
            "kind": "\(ticket.kind.rawValue)", "customer_code": "\(ticket.customerCode)",
            "branch": "\(ticket.branch.code)", "sla_limit_working_days": "\(limit)", "due_date": "\(ticket.dueDate)",
        ], in: db)
        switch ticket.kind {
        case .householdCountChange:
            try messages.send(ScreenIdentities(requestCode: ticket.requestCode,
                                               idNumbers: (request.details.newHouseholds ?? []).map(\.idNumber)),
                              requestCode: ticket.requestCode, cause: cause, at: openedAt, in: db)
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
        guard ticket.stage == .review else { throw APIError.notAwaitingDecision }
        guard approve else {
            try refuse(ticket, ground: .refusedByBranch, reason: reason ?? "", in: db)
            return
        }
        let approvedAt = currentInstant
        let next: ServiceStage = switch ticket.kind {
        case .contractTermination, .meterSplit: .fieldWork
        case .householdCountChange: .counting
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
        let filing = try filing(of: ticket)
        switch ticket.kind {
        case .changeOfHolder, .changeOfPurpose, .contractRenewal:
            let tariffGroup = try changeHeldContract(ticket, purpose: filing.details.purpose, in: db)
            try TimelineStore.append(TimelineEntry(.contractChanged, at: approvedAt),
                                     requestCode: ticket.requestCode, in: db)
            try progressed(ticket, .completed, ServiceRequestSummary.contractChanged(
                ticket.kind, customerCode: ticket.customerCode, tariffGroup: tariffGroup), cause: nil, in: db)
            try close(ticket, resolution: .completed, at: currentInstant, cause: nil, in: db)
        case .contractTermination:
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
            try requestVisit(ticket, cause: nil, in: db)
        case .householdCountChange:
            try messages.send(RegisterSubHouseholds(
                requestCode: ticket.requestCode, customerCode: ticket.customerCode, unit: ticket.branch.code,
                holder: Person(fullName: filing.requester.fullName, idNumber: filing.requester.idNumber),
                holderPhone: filing.requester.phone, subHouseholds: filing.details.newHouseholds ?? []
            ), requestCode: ticket.requestCode, cause: nil, at: approvedAt, in: db)
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
        case .meterSplit:
            guard let site = filing.details.site, let subHouseholdId = filing.details.subHouseholdId,
                  let newCustomerCode else { throw APIError.wrongTicketKind }
            try messages.send(InstallMeter(
                requestCode: ticket.requestCode, branchCode: ticket.branch.code, phase: phase, site: site,
                split: InstallMeter.Split(sharedCustomerCode: ticket.customerCode, subHouseholdId: subHouseholdId,
                                          newCustomerCode: newCustomerCode)
            ), requestCode: ticket.requestCode, cause: nil, at: approvedAt, in: db)
            try TimelineStore.append(TimelineEntry(.installationRequested, at: approvedAt),
                                     requestCode: ticket.requestCode, in: db)
            try progressed(ticket, .approved, ServiceRequestSummary.approved(ticket.kind), cause: nil, in: db)
        default:
            throw APIError.notAwaitingDecision
        }
    }

    /// households' screening of a household change's new households: the ticket then waits for staff.
    func recordServiceScreening(_ screening: ScreeningCompleted, _ ticket: ServiceTicket, in db: Database) throws {
        guard ticket.screening == nil, ticket.status == .open else { return }
        try ServiceTicketStore.recordScreening(screening, ticketId: ticket.ticketId, in: db)
        let kind: TimelineEntry.Kind = screening.outcome == .clear ? .screeningClear : .screeningConflict
        try TimelineStore.append(TimelineEntry(kind, at: screening.screenedAt), requestCode: ticket.requestCode, in: db)
        log("screening recorded", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["outcome": "\(screening.outcome.rawValue)", "conflicts": "\(screening.conflicts.count)"], in: db)
    }

    /// Metering's visit: an inspection's or verification's result, or a termination's final
    /// reading, which ends the contract crm holds. Either way the customer is told and the ticket closes.
    func recordVisit(_ visit: MeterVisited, cause: Envelope, in db: Database) throws {
        guard let ticket = try ServiceTicketStore.ticket(requestCode: visit.requestCode, in: db) else {
            throw MessageHandlingError.permanent("no service ticket for request \(visit.requestCode)")
        }
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
            if let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) {
                try ContractStore.markEnded(contractNumber: contract.contractNumber, at: visit.visitedAt, in: db)
            }
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
    func recordCount(_ change: HouseholdCountChanged, _ ticket: ServiceTicket, cause: Envelope,
                     in db: Database) throws {
        guard ticket.countedQuarters == nil, ticket.status == .open else { return }
        guard let count = HouseholdQuarters(validating: change.newQuarters) else {
            throw MessageHandlingError.permanent("change \(change.changeId) has a negative count")
        }
        try ServiceTicketStore.recordCount(quarters: count.quarters, ticketId: ticket.ticketId, in: db)
        try TimelineStore.append(TimelineEntry(.householdsCounted, at: change.changedAt),
                                 requestCode: ticket.requestCode, in: db)
        if let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) {
            try ContractStore.amendHouseholds(count, contractNumber: contract.contractNumber, in: db)
        }
        try TimelineStore.append(TimelineEntry(.contractAmended, at: currentInstant),
                                 requestCode: ticket.requestCode, in: db)
        log("households counted; contract amended", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["change_id": "\(change.changeId)", "new_quarters": "\(count.quarters)"], in: db)
        try progressed(ticket, .completed, ServiceRequestSummary.households(count.quarters), cause: cause, in: db)
        try close(ticket, resolution: .completed, at: currentInstant, cause: cause, in: db)
    }

    /// Metering's work order of a split, on the timeline.
    func recordServiceWorkOrder(_ workOrder: WorkOrderOpened, _ ticket: ServiceTicket, in db: Database) throws {
        try TimelineStore.append(TimelineEntry(.workOrderOpened, detail: workOrder.workOrderId, at: workOrder.openedAt),
                                 requestCode: ticket.requestCode, in: db)
        log("work order opened", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["work_order_id": "\(workOrder.workOrderId)"], in: db)
    }

    /// A split's new meter is installed (households records the split from metering's own
    /// event): the customer gets the new customer code and the ticket closes.
    func recordSplitInstalled(_ installed: MeterInstalled, _ ticket: ServiceTicket, cause: Envelope,
                              in db: Database) throws {
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

    /// The requester and details, unsealed.
    func filing(of ticket: ServiceTicket) throws -> ServiceTicket.Filing {
        let json = try personalData.open(ticket.sealedFiling)
        return try JSONCoding.decoder.decode(ServiceTicket.Filing.self, from: Data(json.utf8))
    }

    func requireOpen(_ ticket: ServiceTicket) throws {
        guard ticket.status == .open else { throw APIError.ticketClosed }
    }

    // MARK: Steps shared by the kinds

    private static func firstStage(of kind: RequestKind) -> ServiceStage {
        switch kind {
        case .householdCountChange: .screening
        case .meterInspection, .meterVerification, .independentVerification: .fieldWork
        default: .review
        }
    }

    /// Asks metering, once, to visit the meter for the kind's purpose.
    private func requestVisit(_ ticket: ServiceTicket, cause: Envelope?, in db: Database) throws {
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
        try ContractStore.changeTariffGroup(tariffGroup, contractNumber: contract.contractNumber, in: db)
        log("contract tariff group changed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["contract_number": "\(contract.contractNumber)", "tariff_group": "\(tariffGroup)"], in: db)
        return tariffGroup
    }

    private func progressed(_ ticket: ServiceTicket, _ stage: RequestProgressed.Stage, _ summary: LocalizedText,
                            cause: Envelope?, in db: Database) throws {
        let at = currentInstant
        try messages.send(RequestProgressed(ticketId: ticket.ticketId, requestCode: ticket.requestCode,
                                            requestKind: ticket.kind, branch: ticket.branch, stage: stage,
                                            summary: summary, progressedAt: at),
                          requestCode: ticket.requestCode, cause: cause, at: at, in: db)
    }
}
