/// A kind of staff work, and the roles whose holders do it.
///
/// Every staff route and page names the duty it serves, so that who may use it follows from
/// what the work is, in one place, rather than from a list of roles repeated at each route
/// (where one route of a console could drift from its neighbours). A branch head answers for
/// the branch's work with customers and sees the same tickets and board as its officers.
public enum StaffDuty: String, Sendable, CaseIterable {
    /// Working a branch's one-stop tickets: the list, a ticket's page and its steps (contact,
    /// survey, installation, decisions, amendments, screening conflicts).
    case tickets
    /// Assigning a branch's tickets to its officers, and re-assigning them: the branch head's.
    case assigningTickets
    /// Watching a branch's open tickets on the transaction office's wall board: its staff, or
    /// the board's own enrolled device (role `wall_board`, which does nothing else).
    case wallBoard
    /// Keeping a unit's sub-household (QLHP) dossiers, their imports and reports.
    case households
    /// Filing requests for callers on the call-centre console.
    case callCentre
    /// Receiving and listing a branch's meter stock.
    case meterStock
    /// Installing and visiting meters: work orders and meter visits.
    case fieldWork
    /// Giving a branch's work orders and meter visits to its field technicians, and giving them
    /// to another: the branch head's, as ``assigningTickets`` is.
    case assigningFieldWork
    /// The outage desk: incidents, crews, restoration, planned outages, supply points.
    case outageDesk
    /// Reading the delivery log of customer notices, to answer a customer who asks what they
    /// were sent and when.
    case deliveryLog
    /// Reading the staff sign-in's audit: a branch head their unit's, corporation staff of any
    /// role every unit's. Every role may ask; the audit's own rule on role and unit decides
    /// what, if anything, they read.
    case signInAudit

    /// The roles whose holders do this work; a token holding any of them may.
    public var roles: Set<StaffRole> {
        switch self {
        case .tickets: [.customerService, .branchHead]
        case .assigningTickets: [.branchHead]
        case .wallBoard: [.customerService, .branchHead, .wallBoard]
        case .households: [.householdsOfficer, .householdsSupervisor]
        case .callCentre: [.callCentre]
        case .meterStock: [.meterStock]
        case .fieldWork: [.fieldTechnician]
        case .assigningFieldWork: [.branchHead]
        case .outageDesk: [.dispatcher]
        case .deliveryLog: [.customerService, .callCentre, .branchHead]
        case .signInAudit: Set(StaffRole.allCases)
        }
    }
}
