import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// A ticket as a line of the operator's list.
struct TicketSummary: Encodable, Sendable {
    var ticketId: String
    var requestCode: String
    var branchCode: String
    var status: TicketStatus
    var dueDate: String
    var slaState: SLAState
    var slaLimitWorkingDays: Int
    var areaClass: AreaClass
    var purpose: PurposeOfUse
    var householdCount: Int
    var openedAt: Date
}

/// `GET /api/v1/tickets`.
struct TicketList: Encodable, Sendable {
    var tickets: [TicketSummary]
}

/// A ticket as the operator works it: its state, what to call the customer on, and its timeline.
struct TicketDetail: Encodable, Sendable {
    var ticketId: String
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
        var customerCode: String
        var tariffGroup: String
        var draftedAt: Date
        var signedAt: Date?
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
    let workflow: TicketWorkflow

    func summary(_ ticket: Ticket, today: CalendarDay) -> TicketSummary {
        TicketSummary(ticketId: ticket.ticketId, requestCode: ticket.requestCode, branchCode: ticket.branch.code,
                      status: ticket.status, dueDate: ticket.dueDate.description,
                      slaState: slaState(ticket, today: today), slaLimitWorkingDays: ticket.slaLimit,
                      areaClass: ticket.site.areaClass, purpose: ticket.purpose,
                      householdCount: ticket.householdCount, openedAt: ticket.openedAt)
    }

    func detail(_ ticket: Ticket, in db: Database) throws -> TicketDetail {
        let applicant = try workflow.parties(of: ticket).applicant
        let contract = try ContractStore.contract(requestCode: ticket.requestCode, in: db)
        return TicketDetail(
            ticketId: ticket.ticketId, requestCode: ticket.requestCode, branchCode: ticket.branch.code,
            branch: ticket.branch, status: ticket.status, slaLimitWorkingDays: ticket.slaLimit,
            dueDate: ticket.dueDate.description, slaState: slaState(ticket, today: CalendarDay(workflow.now())),
            site: ticket.site, purpose: ticket.purpose, householdCount: ticket.householdCount,
            applicant: .init(fullName: applicant.fullName, phone: applicant.phone, email: applicant.email),
            screening: ticket.screening.map {
                .init(outcome: $0.outcome, conflicts: $0.conflicts, decision: $0.decision, note: $0.note)
            },
            survey: ticket.survey.map { .init(outcome: $0.outcome, phase: $0.phase, reason: $0.reason) },
            installationRequestedAt: ticket.installationRequestedAt, meterSerial: ticket.meterSerial,
            contract: contract.map {
                .init(contractNumber: $0.contractNumber, status: $0.status, meterSerial: $0.meterSerial,
                      householdCount: $0.householdCount, customerCode: $0.customerCode, tariffGroup: $0.tariffGroup,
                      draftedAt: $0.draftedAt, signedAt: $0.signedAt)
            },
            closure: ticket.closure.map {
                .init(resolution: $0.resolution, slaLimitWorkingDays: ticket.slaLimit,
                      workingDaysTaken: $0.workingDaysTaken, slaOutcome: $0.slaOutcome, closedAt: $0.closedAt)
            },
            timeline: try TimelineStore.entries(requestCode: ticket.requestCode, in: db).map(\.step))
    }

    /// An open ticket against its due date; a closed one by how it ended.
    private func slaState(_ ticket: Ticket, today: CalendarDay) -> SLAState {
        guard let closure = ticket.closure else {
            return workflow.policy.state(dueDate: ticket.dueDate, today: today)
        }
        return closure.slaOutcome == .met ? .met : .breached
    }
}
