import Contracts
import Foundation
import Logging
import WorkingCalendar

/// The service-time limits of crm's tickets and the arithmetic on them, shared by every kind
/// of ticket so that each is counted and judged the same way.
///
/// Limits are the corporation's published standards: a new low-voltage connection takes 3
/// working days in urban areas, 5 in rural ones, 7 once the survey finds a pole, underground
/// cable or current transformer is needed; a contract change (here: the number of households
/// sharing the meter) takes 3; so do the other contract changes and a meter inspection;
/// a verification takes 5, an independent one 15, a medium-voltage connection 30; an e-mailed
/// inquiry is answered within 3. Days follow ``WorkingCalendar``'s convention: the day the request was received
/// is day 0 and never counts, so a request received on a Saturday, Sunday or holiday starts
/// counting on the next working day. The day of receipt is the day intake stored the
/// request (`submittedAt`, in Vietnam's time zone), not the day crm happened to read the
/// message, so a backlog on the broker never moves a due date.
struct ServiceTimePolicy: Sendable {
    /// The limit once the survey finds a pole or cable must be built.
    static let poleOrCableLimit = 7
    /// The limit of a contract amendment for a change of the number of households sharing a meter.
    static let contractAmendmentLimit = 3
    /// The limit of an e-mailed general inquiry: answered within 3 working days of the mail
    /// (of the later mail that reopened it).
    static let inquiryLimit = 3

    let calendar: WorkingCalendar
    /// Tells operators about due dates counted over a year whose schedule is not published.
    let unpublishedYears: UnpublishedYearWarning

    /// The limit a request starts with, from its site's area class.
    func initialLimit(for areaClass: AreaClass) -> Int {
        switch areaClass {
        case .urban: 3
        case .rural: 5
        }
    }

    /// The limit a request of `kind` starts with: a connection's and a split's from the site's
    /// area class (a split is counted as a new connection), the others from the published table.
    func initialLimit(for kind: RequestKind, areaClass: AreaClass) -> Int {
        switch kind {
        case .newLowVoltageConnection, .meterSplit: initialLimit(for: areaClass)
        case .newMediumVoltageConnection: 30
        case .changeOfHolder, .changeOfPurpose, .contractRenewal, .contractTermination, .householdCountChange,
             .meterInspection: 3
        case .meterVerification: 5
        case .independentVerification: 15
        }
    }

    /// The last working day within `limit` working days of `receivedOn`; provisional, and
    /// noted as such, when it is counted over a year without a published schedule.
    func dueDate(receivedOn: CalendarDay, limit: Int) -> CalendarDay {
        let due = calendar.addingWorkingDays(limit, to: receivedOn)
        unpublishedYears.note(dueDate: due, countedFrom: receivedOn)
        return due
    }

    /// How a ticket received on `receivedOn` kept `limit` when it closed on `closedOn`: the
    /// working days in (day of receipt, day of closing], met when at most the limit.
    func verdict(receivedOn: CalendarDay, limit: Int, closedOn: CalendarDay) -> SLAVerdict {
        let taken = max(0, calendar.workingDays(from: receivedOn, to: closedOn))
        return SLAVerdict(workingDaysTaken: taken, outcome: taken <= limit ? .met : .breached)
    }

    /// Where a ticket due on `dueDate` stands on `today`: an open one (`outcome` nil) against
    /// its due date, a closed one by how it ended.
    func state(dueDate: CalendarDay, outcome: TicketClosed.SLAOutcome?, today: CalendarDay) -> SLAState {
        switch outcome {
        case .met: return .met
        case .breached: return .breached
        case nil:
            if today < dueDate { return .onTrack }
            return today == dueDate ? .dueToday : .breached
        }
    }
}

extension ServiceTimePolicy {
    /// The setting naming the folder of per-year holiday override files.
    static let overridesSetting = "WORKING_CALENDAR_OVERRIDES"

    /// The policy on the calendar the environment configures: the built-in holidays plus
    /// the files in `WORKING_CALENDAR_OVERRIDES`, when set. A folder that cannot be read
    /// stops the service, since a wrong calendar would silently shift every due date. Due
    /// dates in a year that neither publishes are warned about in `logger` and counted on
    /// `/metrics` (``UnpublishedYearWarning``).
    static func load(environment: [String: String], logger: Logger) throws -> ServiceTimePolicy {
        let folder = environment[overridesSetting].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        let calendar = try WorkingCalendar.load(overridesFolder: folder)
        return ServiceTimePolicy(
            calendar: calendar, unpublishedYears: UnpublishedYearWarning(calendar: calendar, logger: logger))
    }
}
