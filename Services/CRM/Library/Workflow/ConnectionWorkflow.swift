import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import PersonalData
import ServiceKit
import WorkingCalendar

/// A new connection's ticket (``Ticket``) through the one-stop flow: opening, screening,
/// survey, installation, and (in ``ConnectionWorkflow+Contract``) its contract.
struct ConnectionWorkflow: TicketWorkflow {
    typealias Model = Ticket

    let context: WorkflowContext

    // MARK: Opening and screening (flow steps 2–3)

    /// Opens the one ticket of a submitted request and asks households to screen its ID numbers.
    func open(_ request: RequestSubmitted, cause: Envelope, in db: Database) throws {
        guard try TicketStore.ticket(requestCode: request.requestCode, personalData: personalData, in: db) == nil else { return }
        let term = try request.termMonths.map { months in
            guard let term = ContractTerm(months: months) else {
                throw MessageRefusal.malformed("request \(request.requestCode) asks for a term of \(months) months")
            }
            return term
        }
        let opening = openingNow(request.requestKind, areaClass: request.site.areaClass, submittedAt: request.submittedAt)
        let parties = Parties(applicant: request.applicant, extraHouseholds: request.extraHouseholds)
        let ticket = Ticket(
            ticketId: Ticket.ticketId(requestCode: request.requestCode), requestCode: request.requestCode,
            requestKind: request.requestKind, branch: request.branch,
            site: request.site, purpose: request.purpose, householdCount: request.householdCount, term: term,
            sealedParties: try personalData.seal(json: parties),
            receivedOn: opening.receivedOn, openedAt: opening.openedAt, status: .open, slaLimit: opening.slaLimit,
            dueDate: opening.dueDate)
        try TicketStore.insert(ticket, personalData: personalData, in: db)
        try announceOpening(ticket, opening, channel: request.channel, submittedAt: request.submittedAt,
                            contact: CustomerContact(phone: request.applicant.phone, email: request.applicant.email),
                            cause: cause, in: db)
        try messages.send(ScreenIdentities(requestCode: ticket.requestCode, requestKind: ticket.requestKind,
                                           idNumbers: parties.idNumbers),
                          requestCode: ticket.requestCode, cause: cause, at: opening.openedAt, in: db)
        log("ticket opened", ticket, ["branch": "\(ticket.branch.code)", "sla_limit_working_days": "\(ticket.slaLimit)",
                                      "due_date": "\(ticket.dueDate)"], in: db)
    }

    /// Records households' answer; a clear one may complete the conditions of a contract.
    func recordScreening(_ screening: ScreeningCompleted, cause: Envelope, in db: Database) throws {
        var ticket = try existingTicket(screening.requestCode, in: db)
        guard ticket.screening == nil else { return }
        try TicketStore.recordScreening(screening, ticketId: ticket.ticketId, in: db)
        ticket.screening = Ticket.Screening(outcome: screening.outcome, conflicts: screening.conflicts)
        let kind: TimelineEntry.Kind = screening.outcome == .clear ? .screeningClear : .screeningConflict
        try TimelineStore.append(TimelineEntry(kind, at: screening.screenedAt), requestCode: ticket.requestCode, in: db)
        log("screening recorded", ticket, ["outcome": "\(screening.outcome.rawValue)",
                                           "conflicts": "\(screening.conflicts.count)"], in: db)
        try draftContractIfReady(ticket, cause: cause, in: db)
    }

    /// Staff's decision on a screening conflict: cleared lets the contract be drafted, refused ends the request.
    func resolveScreening(_ ticket: Ticket, decision: ScreeningDecision, note: String, staffId: String,
                          in db: Database) throws {
        var ticket = ticket
        try requireOpen(ticket)
        guard var screening = ticket.screening, screening.outcome == .conflict else { throw StepRefusal.noScreeningConflict }
        guard screening.decision == nil else { throw StepRefusal.screeningAlreadyResolved }
        try TicketStore.recordScreeningDecision(decision, note: note, ticketId: ticket.ticketId, in: db)
        screening.decision = decision
        screening.note = note
        ticket.screening = screening
        log("screening conflict resolved", ticket, ["decision": "\(decision.rawValue)", "staff_id": "\(staffId)"], in: db)
        switch decision {
        case .cleared:
            try TimelineStore.append(TimelineEntry(.screeningCleared, at: currentInstant),
                                     requestCode: ticket.requestCode, in: db)
            try draftContractIfReady(ticket, cause: nil, in: db)
        case .refused:
            try refuse(ticket, ground: .screeningConflict, reason: note, in: db)
        }
    }

    // MARK: Survey (flow step 4)

    /// Records the site survey: a pole or cable extends the limit to 7 working days from the
    /// day of receipt (a medium-voltage connection keeps its longer 30); an infeasible site
    /// refuses the request and closes the ticket.
    func recordSurvey(_ ticket: Ticket, survey: Ticket.Survey, staffId: String, in db: Database) throws {
        var ticket = ticket
        try requireOpen(ticket)
        guard ticket.survey == nil else { throw StepRefusal.surveyAlreadyRecorded }
        let surveyedAt = currentInstant
        if survey.outcome == .needsPoleOrCable, ticket.slaLimit < ServiceTimePolicy.poleOrCableLimit {
            ticket.slaLimit = ServiceTimePolicy.poleOrCableLimit
            ticket.dueDate = policy.dueDate(receivedOn: ticket.receivedOn, limit: ticket.slaLimit)
        }
        ticket.survey = survey
        try TicketStore.recordSurvey(survey, slaLimit: ticket.slaLimit, dueDate: ticket.dueDate.description,
                                     ticketId: ticket.ticketId, in: db)
        let kind: TimelineEntry.Kind = switch survey.outcome {
        case .feasible: .siteSurveyed
        case .needsPoleOrCable: .siteNeedsPoleOrCable
        case .infeasible: .siteInfeasible
        }
        try TimelineStore.append(TimelineEntry(kind, at: surveyedAt), requestCode: ticket.requestCode, in: db)
        try messages.send(SurveyRecorded(
            ticketId: ticket.ticketId, requestCode: ticket.requestCode, outcome: survey.outcome,
            reason: survey.outcome == .infeasible ? survey.reason : nil, phase: survey.phase,
            slaLimitWorkingDays: ticket.slaLimit, dueDate: ticket.dueDate.calendarDate, staffId: staffId,
            surveyedAt: surveyedAt
        ), requestCode: ticket.requestCode, cause: nil, at: surveyedAt, in: db)
        log("survey recorded", ticket, ["outcome": "\(survey.outcome.rawValue)", "phase": "\(survey.phase.rawValue)",
                                        "sla_limit_working_days": "\(ticket.slaLimit)", "due_date": "\(ticket.dueDate)",
                                        "staff_id": "\(staffId)"], in: db)
        if survey.outcome == .infeasible, let reason = survey.reason {
            try refuse(ticket, ground: .siteInfeasible, reason: reason, in: db)
        }
    }

    // MARK: Installation (flow step 5)

    /// Asks metering, once, to install a meter of the surveyed phase.
    func requestInstallation(_ ticket: Ticket, staffId: String, in db: Database) throws {
        try requireOpen(ticket)
        guard let survey = ticket.survey, survey.outcome != .infeasible else { throw StepRefusal.surveyRequired }
        guard ticket.installationRequestedAt == nil else { throw StepRefusal.installationAlreadyRequested }
        let requestedAt = currentInstant
        try TicketStore.recordInstallationRequested(at: requestedAt, ticketId: ticket.ticketId, in: db)
        try TimelineStore.append(TimelineEntry(.installationRequested, at: requestedAt),
                                 requestCode: ticket.requestCode, in: db)
        try messages.send(InstallMeter(requestCode: ticket.requestCode, requestKind: ticket.requestKind,
                                       branchCode: ticket.branch.code, phase: survey.phase, site: ticket.site),
                          requestCode: ticket.requestCode, cause: nil, at: requestedAt, in: db)
        log("meter installation requested", ticket, ["phase": "\(survey.phase.rawValue)", "staff_id": "\(staffId)"],
            in: db)
    }

    /// Puts metering's work order on the timeline.
    func recordWorkOrder(_ workOrder: WorkOrderOpened, in db: Database) throws {
        let ticket = try existingTicket(workOrder.requestCode, in: db)
        try TimelineStore.append(TimelineEntry(.workOrderOpened, detail: workOrder.workOrderId, at: workOrder.openedAt),
                                 requestCode: ticket.requestCode, in: db)
        log("work order opened", ticket, ["work_order_id": "\(workOrder.workOrderId)",
                                          "meter_serial": "\(workOrder.meterSerial)"], in: db)
    }

    /// Records the installed meter; with screening clear, the contract is drafted.
    func recordMeterInstalled(_ installed: MeterInstalled, cause: Envelope, in db: Database) throws {
        var ticket = try existingTicket(installed.requestCode, in: db)
        guard ticket.meterSerial == nil else { return }
        try TicketStore.recordMeter(serial: installed.meterSerial, installedAt: installed.installedAt,
                                    ticketId: ticket.ticketId, in: db)
        ticket.meterSerial = installed.meterSerial
        ticket.meterInstalledAt = installed.installedAt
        try TimelineStore.append(TimelineEntry(.meterInstalled, at: installed.installedAt),
                                 requestCode: ticket.requestCode, in: db)
        log("meter installed", ticket, ["meter_serial": "\(installed.meterSerial)",
                                        "work_order_id": "\(installed.workOrderId)"], in: db)
        try draftContractIfReady(ticket, cause: cause, in: db)
    }

    // MARK: Shared

    /// The ticket a message names; a message about a request crm never opened cannot be handled.
    func existingTicket(_ requestCode: String, in db: Database) throws -> Ticket {
        guard let ticket = try TicketStore.ticket(requestCode: requestCode, personalData: personalData, in: db) else {
            throw MessageRefusal.noTicket(requestCode: requestCode)
        }
        return ticket
    }

    /// The applicant and extra households, unsealed.
    func parties(of ticket: Ticket) throws -> Parties {
        try personalData.open(Parties.self, json: ticket.sealedParties)
    }

    /// Logs `message` about `ticket` once its transaction has committed.
    func log(_ message: Logger.Message, _ ticket: Ticket, _ metadata: Logger.Metadata = [:], in db: Database) {
        context.log(message, requestCode: ticket.requestCode, ticketId: ticket.ticketId, metadata, in: db)
    }
}
