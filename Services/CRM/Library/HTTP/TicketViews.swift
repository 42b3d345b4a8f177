import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// A ticket of any kind as a line of the operator's list. Fields of one kind only are
/// left out for the others: a new connection's site and households; an amendment's contract
/// and counts; a service request's kind and stage; an inquiry's channel.
struct TicketSummary: Encodable, Sendable {
    var ticketId: String
    var kind: TicketKind
    var requestCode: String?
    var branchCode: String
    var status: TicketStatus
    var dueDate: String
    var slaState: SLAState
    var slaLimitWorkingDays: Int
    var areaClass: AreaClass?
    var purpose: PurposeOfUse?
    var householdCount: Int?
    var customerCode: String?
    var contractNumber: String?
    var previousCount: HouseholdQuarters.Shown?
    var newCount: HouseholdQuarters.Shown?
    /// What a request is for: a connection's voltage, a service request's kind; nil for amendments.
    var requestKind: RequestKind?
    /// Where a service request waits.
    var stage: ServiceStage?
    /// How an inquiry came (`email`); nil for the other kinds, which say it on their timeline.
    var channel: Channel?
    /// The staff id of the officer who works the ticket now; nil while it is not assigned.
    var assignedTo: String?
    var openedAt: Date

    /// The list's order: by due date, then by request code (a new connection) or ticket id.
    static func precedes(_ lhs: TicketSummary, _ rhs: TicketSummary) -> Bool {
        (lhs.dueDate, lhs.requestCode ?? lhs.ticketId) < (rhs.dueDate, rhs.requestCode ?? rhs.ticketId)
    }
}

/// `GET /api/v1/tickets`.
struct TicketList: Encodable, Sendable {
    var tickets: [TicketSummary]
}

/// A ticket as the operator works it: its state, what to call the customer on, and its timeline.
struct TicketDetail: Encodable, Sendable {
    var ticketId: String
    var kind = TicketKind.newConnection
    var requestKind: RequestKind
    var requestCode: String
    var branchCode: String
    var branch: Branch
    var status: TicketStatus
    var slaLimitWorkingDays: Int
    var dueDate: String
    var slaState: SLAState
    var site: Site
    var purpose: PurposeOfUse
    var householdCount: Int
    /// Who to call: branch staff reach the customer themselves (the one-stop promise).
    var applicant: ApplicantContact
    var screening: ScreeningView?
    var survey: SurveyView?
    var installationRequestedAt: Date?
    var meterSerial: String?
    var contract: ContractView?
    var closure: ClosureView?
    var timeline: [TimelineStep]

    struct ApplicantContact: Encodable, Sendable {
        var fullName: String
        var phone: String
        var email: String?
    }

    struct ScreeningView: Encodable, Sendable {
        var outcome: ScreeningCompleted.Outcome
        var conflicts: [ScreeningConflict]
        var decision: ScreeningDecision?
        var note: String?
    }

    struct SurveyView: Encodable, Sendable {
        var outcome: SurveyRecorded.Outcome
        var phase: MeterPhase
        var reason: String?
    }

    struct ContractView: Encodable, Sendable {
        var contractNumber: String
        var status: Contract.Status
        var meterSerial: String
        var householdCount: Int
        /// The count that bills, in quarters and as people read it (amendments may make it 2¼).
        var households: HouseholdQuarters.Shown
        var customerCode: String
        var tariffGroup: String
        /// The fixed term in months, and the last day it runs to once signed; none when open-ended.
        var termMonths: Int?
        var endsOn: CalendarDate?
        var draftedAt: Date
        var signedAt: Date?
        /// The current version; none while the contract is a draft.
        var version: Int?
        /// Every version since the signature, oldest first.
        var history: [ContractVersionView]
    }

    struct ClosureView: Encodable, Sendable {
        var resolution: TicketClosed.Resolution
        var slaLimitWorkingDays: Int
        var workingDaysTaken: Int
        var slaOutcome: TicketClosed.SLAOutcome
        var closedAt: Date
    }
}

/// Builds the operator's views of tickets, judging open tickets against today in Vietnam.
struct TicketViews: Sendable {
    let workflows: TicketWorkflows

    /// The list of every kind, in the list's order, without their officers.
    func list(_ tickets: [Ticket], _ amendments: [ContractAmendment], _ serviceTickets: [ServiceTicket],
              _ inquiries: [Inquiry], today: CalendarDay) -> TicketList {
        let summaries = tickets.map { summary($0, today: today) } + amendments.map { summary($0, today: today) }
            + serviceTickets.map { summary($0, today: today) } + inquiries.map { summary($0, today: today) }
        return TicketList(tickets: summaries.sorted(by: TicketSummary.precedes))
    }

    /// The detail of a ticket of any kind.
    func detail(_ ticket: StaffTicket, in db: Database) throws -> any Encodable & Sendable {
        switch ticket {
        case .newConnection(let ticket): try detail(ticket, in: db)
        case .contractAmendment(let amendment): try detail(amendment, in: db)
        case .serviceRequest(let ticket): try detail(ticket, in: db)
        case .inquiry(let inquiry): try detail(inquiry, in: db)
        }
    }

    private func summary(_ inquiry: Inquiry, today: CalendarDay) -> TicketSummary {
        TicketSummary(ticketId: inquiry.ticketId, kind: .inquiry, requestCode: inquiry.requestCode,
                      branchCode: inquiry.branch.code, status: inquiry.status, dueDate: inquiry.dueDate.description,
                      slaState: slaState(inquiry, today: today), slaLimitWorkingDays: inquiry.slaLimit,
                      customerCode: inquiry.customerCode, channel: inquiry.channel, openedAt: inquiry.openedAt)
    }

    func detail(_ inquiry: Inquiry, in db: Database) throws -> InquiryDetail {
        let personalData = workflows.personalData
        return InquiryDetail(
            ticketId: inquiry.ticketId, requestCode: inquiry.requestCode, channel: inquiry.channel,
            customerCode: inquiry.customerCode, branchCode: inquiry.branch.code, branch: inquiry.branch,
            status: inquiry.status, slaLimitWorkingDays: inquiry.slaLimit, dueDate: inquiry.dueDate.description,
            slaState: slaState(inquiry, today: CalendarDay(workflows.clock.now())),
            subject: try personalData.open(inquiry.sealedSubject),
            replyAddress: try personalData.open(inquiry.sealedReplyAddress),
            conversation: try conversation(ofTicket: inquiry.ticketId, in: db),
            closure: inquiry.closure.map {
                .init(resolution: $0.resolution, slaLimitWorkingDays: inquiry.slaLimit,
                      workingDaysTaken: $0.workingDaysTaken, slaOutcome: $0.slaOutcome, closedAt: $0.closedAt)
            },
            timeline: try TimelineStore.entries(requestCode: inquiry.requestCode, in: db).map(\.step))
    }

    private func slaState(_ inquiry: Inquiry, today: CalendarDay) -> SLAState {
        workflows.policy.state(dueDate: inquiry.dueDate, outcome: inquiry.closure?.slaOutcome, today: today)
    }

    private func summary(_ ticket: ServiceTicket, today: CalendarDay) -> TicketSummary {
        TicketSummary(ticketId: ticket.ticketId, kind: .serviceRequest, requestCode: ticket.requestCode,
                      branchCode: ticket.branch.code, status: ticket.status, dueDate: ticket.dueDate.description,
                      slaState: slaState(ticket, today: today), slaLimitWorkingDays: ticket.slaLimit,
                      customerCode: ticket.customerCode, requestKind: ticket.kind, stage: ticket.stage,
                      openedAt: ticket.openedAt)
    }

    func detail(_ ticket: ServiceTicket, in db: Database) throws -> ServiceTicketDetail {
        let filing = try workflows.serviceRequests.filing(of: ticket)
        let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db)
        let ended = contract == nil ? try ContractStore.contract(endedBy: ticket.requestCode, in: db) : nil
        return ServiceTicketDetail(
            ticketId: ticket.ticketId, requestKind: ticket.kind, requestCode: ticket.requestCode, customerCode: ticket.customerCode,
            branchCode: ticket.branch.code, branch: ticket.branch, status: ticket.status, stage: ticket.stage,
            slaLimitWorkingDays: ticket.slaLimit, dueDate: ticket.dueDate.description,
            slaState: slaState(ticket, today: CalendarDay(workflows.clock.now())),
            requester: .init(fullName: filing.requester.fullName, phone: filing.requester.phone,
                             email: filing.requester.email),
            details: filing.details,
            screening: ticket.screening.map {
                .init(outcome: $0.outcome, conflicts: $0.conflicts, decision: $0.decision, note: $0.note)
            },
            approvedBy: ticket.approvedBy, visit: ticket.visit, newCustomerCode: ticket.newCustomerCode,
            countedHouseholds: ticket.countedQuarters.map { HouseholdQuarters(quarters: $0).shown },
            contract: try contract.map { try TicketDetail.ContractView($0, in: db) },
            endedContract: try ended.map { try TicketDetail.ContractView($0, in: db) },
            closure: ticket.closure.map {
                .init(resolution: $0.resolution, slaLimitWorkingDays: ticket.slaLimit,
                      workingDaysTaken: $0.workingDaysTaken, slaOutcome: $0.slaOutcome, closedAt: $0.closedAt)
            },
            conversation: try conversation(ofTicket: ticket.ticketId, in: db),
            timeline: try TimelineStore.entries(requestCode: ticket.requestCode, in: db).map(\.step))
    }

    /// The mails and answers kept on the ticket, oldest first.
    private func conversation(ofTicket ticketId: String, in db: Database) throws -> [InquiryDetail.Message] {
        try workflows.inquiries.conversation(ofTicket: ticketId, in: db).map { message, text in
            switch message.author {
            case .customer: .init(from: "customer", text: text, at: message.at)
            case .officer(let staffId): .init(from: "officer", staffId: staffId, text: text, at: message.at)
            }
        }
    }

    private func slaState(_ ticket: ServiceTicket, today: CalendarDay) -> SLAState {
        workflows.policy.state(dueDate: ticket.dueDate, outcome: ticket.closure?.slaOutcome, today: today)
    }

    private func summary(_ ticket: Ticket, today: CalendarDay) -> TicketSummary {
        TicketSummary(ticketId: ticket.ticketId, kind: .newConnection, requestCode: ticket.requestCode,
                      branchCode: ticket.branch.code, status: ticket.status, dueDate: ticket.dueDate.description,
                      slaState: slaState(ticket, today: today), slaLimitWorkingDays: ticket.slaLimit,
                      areaClass: ticket.site.areaClass, purpose: ticket.purpose,
                      householdCount: ticket.householdCount, requestKind: ticket.requestKind,
                      openedAt: ticket.openedAt)
    }

    private func summary(_ amendment: ContractAmendment, today: CalendarDay) -> TicketSummary {
        TicketSummary(ticketId: amendment.ticketId, kind: .contractAmendment, branchCode: amendment.unit,
                      status: amendment.status, dueDate: amendment.dueDate.description,
                      slaState: slaState(amendment, today: today), slaLimitWorkingDays: amendment.slaLimit,
                      customerCode: amendment.customerCode, contractNumber: amendment.contractNumber,
                      previousCount: amendment.previousCount.shown, newCount: amendment.newCount.shown,
                      openedAt: amendment.openedAt)
    }

    func detail(_ ticket: Ticket, in db: Database) throws -> TicketDetail {
        let applicant = try workflows.connections.parties(of: ticket).applicant
        let contract = try ContractStore.contract(requestCode: ticket.requestCode, in: db)
        return TicketDetail(
            ticketId: ticket.ticketId, requestKind: ticket.requestKind, requestCode: ticket.requestCode,
            branchCode: ticket.branch.code, branch: ticket.branch, status: ticket.status, slaLimitWorkingDays: ticket.slaLimit,
            dueDate: ticket.dueDate.description, slaState: slaState(ticket, today: CalendarDay(workflows.clock.now())),
            site: ticket.site, purpose: ticket.purpose, householdCount: ticket.householdCount,
            applicant: .init(fullName: applicant.fullName, phone: applicant.phone, email: applicant.email),
            screening: ticket.screening.map {
                .init(outcome: $0.outcome, conflicts: $0.conflicts, decision: $0.decision, note: $0.note)
            },
            survey: ticket.survey.map { .init(outcome: $0.outcome, phase: $0.phase, reason: $0.reason) },
            installationRequestedAt: ticket.installationRequestedAt, meterSerial: ticket.meterSerial,
            contract: try contract.map { try TicketDetail.ContractView($0, in: db) },
            closure: ticket.closure.map {
                .init(resolution: $0.resolution, slaLimitWorkingDays: ticket.slaLimit,
                      workingDaysTaken: $0.workingDaysTaken, slaOutcome: $0.slaOutcome, closedAt: $0.closedAt)
            },
            timeline: try TimelineStore.entries(requestCode: ticket.requestCode, in: db).map(\.step))
    }

    func detail(_ amendment: ContractAmendment, in db: Database) throws -> AmendmentDetail {
        let contract = try amendment.contractNumber.flatMap { try ContractStore.contract(number: $0, in: db) }
        return AmendmentDetail(
            ticketId: amendment.ticketId, branchCode: amendment.unit, status: amendment.status,
            slaLimitWorkingDays: amendment.slaLimit, dueDate: amendment.dueDate.description,
            slaState: slaState(amendment, today: CalendarDay(workflows.clock.now())),
            customerCode: amendment.customerCode,
            contractNumber: amendment.contractNumber, dossierId: amendment.dossierId,
            previousCount: amendment.previousCount.shown, newCount: amendment.newCount.shown, reason: amendment.reason,
            effectiveOn: amendment.effectiveOn, changedAt: amendment.changedAt, openedAt: amendment.openedAt,
            contract: try contract.map { try TicketDetail.ContractView($0, in: db) },
            closure: amendment.closure.map {
                .init(slaLimitWorkingDays: amendment.slaLimit, workingDaysTaken: $0.verdict.workingDaysTaken,
                      slaOutcome: $0.verdict.outcome, closedAt: $0.closedAt, staffId: $0.staffId, note: $0.note,
                      contractUpdated: $0.contractUpdated)
            },
            timeline: (amendment.timeline + (try ContactStore.contactTimes(ticketId: amendment.ticketId, in: db)
                .map { TimelineEntry(.contactRecorded, at: $0) }))
                .sorted { $0.at < $1.at }.map(\.step))
    }

    private func slaState(_ ticket: Ticket, today: CalendarDay) -> SLAState {
        workflows.policy.state(dueDate: ticket.dueDate, outcome: ticket.closure?.slaOutcome, today: today)
    }

    private func slaState(_ amendment: ContractAmendment, today: CalendarDay) -> SLAState {
        workflows.policy.state(dueDate: amendment.dueDate, outcome: amendment.closure?.verdict.outcome, today: today)
    }
}
