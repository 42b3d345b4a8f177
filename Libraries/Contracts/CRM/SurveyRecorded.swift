import Foundation

/// Branch staff surveyed the site and recorded whether it can be connected (flow step 4).
///
/// A pole or cable to build extends the SLA limit to 7 working days, so the event carries
/// the limit and due date that hold from now on.
public struct SurveyRecorded: MessageContract {
    public static let routingKey = "crm.survey.recorded"
    public static let version = 1
    public static let kind = MessageKind.event

    /// What the survey found.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// The site can be connected from the existing network.
        case feasible
        /// The site can be connected once a pole, underground cable or current transformer is added.
        case needsPoleOrCable = "needs_pole_or_cable"
        /// The site cannot be connected; `reason` says why and the request is refused.
        case infeasible
    }

    public var ticketId: String
    public var requestCode: String
    public var outcome: Outcome
    /// Why the site cannot be connected; present exactly when `outcome` is `infeasible`.
    public var reason: String?
    /// The supply the site needs.
    public var phase: MeterPhase
    /// The limit that holds after the survey, in working days.
    public var slaLimitWorkingDays: Int
    public var dueDate: CalendarDate
    /// The staff member who surveyed the site.
    public var staffId: String
    public var surveyedAt: Date

    public init(
        ticketId: String, requestCode: String, outcome: Outcome, reason: String? = nil, phase: MeterPhase,
        slaLimitWorkingDays: Int, dueDate: CalendarDate, staffId: String, surveyedAt: Date
    ) {
        self.ticketId = ticketId
        self.requestCode = requestCode
        self.outcome = outcome
        self.reason = reason
        self.phase = phase
        self.slaLimitWorkingDays = slaLimitWorkingDays
        self.dueDate = dueDate
        self.staffId = staffId
        self.surveyedAt = surveyedAt
    }
}
