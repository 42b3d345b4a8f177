import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import WorkingCalendar

/// A one-stop ticket: one request for a new connection (low or medium voltage), owned by
/// one branch, from its opening to its signed contract or refusal.
struct Ticket: Sendable {
    var ticketId: String
    var requestCode: String
    var requestKind: RequestKind
    var branch: Branch
    var site: Site
    var purpose: PurposeOfUse
    var householdCount: Int
    /// The fixed term the customer asked their contract to have; none for an open-ended one.
    var term: ContractTerm?
    /// The applicant and extra households, sealed.
    var sealedParties: Data
    /// The day intake received the request: day 0 of the SLA count.
    var receivedOn: CalendarDay
    var openedAt: Date
    var status: TicketStatus
    var slaLimit: Int
    var dueDate: CalendarDay
    var screening: Screening?
    var survey: Survey?
    var installationRequestedAt: Date?
    var meterSerial: String?
    var meterInstalledAt: Date?
    var closure: Closure?

    /// What households answered, and what staff decided about a conflict.
    struct Screening: Sendable {
        var outcome: ScreeningCompleted.Outcome
        var conflicts: [ScreeningConflict]
        var decision: ScreeningDecision?
        /// Staff's note on their decision.
        var note: String?

        /// Whether a contract may be drafted as far as screening goes.
        var permitsContract: Bool {
            outcome == .clear || decision == .cleared
        }
    }

    /// What the site survey found.
    struct Survey: Sendable {
        var outcome: SurveyRecorded.Outcome
        var phase: MeterPhase
        /// Why the site cannot be connected, when it cannot.
        var reason: String?
    }

    /// How the ticket ended and whether it kept its limit.
    struct Closure: Sendable {
        var resolution: TicketClosed.Resolution
        var workingDaysTaken: Int
        var slaOutcome: TicketClosed.SLAOutcome
        var closedAt: Date
    }

    /// Whether the meter is installed and screening allows a contract: the two conditions
    /// of a draft, whichever comes last.
    var isReadyForContract: Bool {
        status == .open && meterSerial != nil && screening?.permitsContract == true
    }

    /// `CRM-<request code>`.
    static func ticketId(requestCode: String) -> String { "CRM-\(requestCode)" }
}

/// Staff's decision on a screening conflict.
enum ScreeningDecision: String, Codable, Sendable, CaseIterable {
    /// The conflict is explained (e.g. the other dossier is outdated): the contract may be drafted.
    case cleared
    /// The conflict stands: the request is refused.
    case refused
}

extension Ticket {
    /// The ticket a `crm_tickets` row holds; `personalData` opens the sealed street.
    init(row: Row, personalData: PersonalDataProtector) throws {
        ticketId = row["ticket_id"]
        requestCode = row["request_code"]
        requestKind = try StoredColumn.decode(RequestKind.self, row["request_kind"])
        branch = Branch(code: row["branch_code"], name: row["branch_name"], hotline: row["branch_hotline"])
        site = Site(province: row["province"], communeCode: row["commune_code"], street: try personalData.open(row["street_sealed"]),
                    branchCode: row["branch_code"],
                    areaClass: try StoredColumn.decode(AreaClass.self, row["area_class"]))
        purpose = try StoredColumn.decode(PurposeOfUse.self, row["purpose"])
        householdCount = row["household_count"]
        term = (row["term_months"] as Int?).flatMap(ContractTerm.init(months:))
        sealedParties = row["parties"]
        receivedOn = try StoredColumn.day(row["received_on"])
        openedAt = Date(timeIntervalSince1970: row["opened_at"])
        status = try StoredColumn.decode(TicketStatus.self, row["status"])
        slaLimit = row["sla_limit"]
        dueDate = try StoredColumn.day(row["due_date"])
        if let outcome: String = row["screening_outcome"] {
            let conflicts: String = row["screening_conflicts"] ?? "[]"
            screening = Screening(
                outcome: try StoredColumn.decode(ScreeningCompleted.Outcome.self, outcome),
                conflicts: try JSONCoding.decoder.decode([ScreeningConflict].self, from: Data(conflicts.utf8)),
                decision: try (row["screening_decision"] as String?).map {
                    try StoredColumn.decode(ScreeningDecision.self, $0)
                },
                note: row["screening_note"])
        }
        if let outcome: String = row["survey_outcome"], let phase: Int = row["survey_phase"] {
            survey = Survey(outcome: try StoredColumn.decode(SurveyRecorded.Outcome.self, outcome),
                            phase: try StoredColumn.decode(MeterPhase.self, phase), reason: row["survey_reason"])
        }
        installationRequestedAt = (row["installation_requested_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        meterSerial = row["meter_serial"]
        meterInstalledAt = (row["meter_installed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        if let resolution: String = row["resolution"] {
            closure = Closure(resolution: try StoredColumn.decode(TicketClosed.Resolution.self, resolution),
                              workingDaysTaken: row["working_days_taken"],
                              slaOutcome: try StoredColumn.decode(TicketClosed.SLAOutcome.self, row["sla_outcome"]),
                              closedAt: Date(timeIntervalSince1970: row["closed_at"]))
        }
    }
}

extension CalendarDay {
    /// The day as the messages carry it.
    var calendarDate: CalendarDate {
        // Both types print and parse the same `YYYY-MM-DD` form.
        CalendarDate(description)!
    }
}
