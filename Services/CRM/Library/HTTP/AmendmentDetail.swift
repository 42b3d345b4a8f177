import Contracts
import Foundation

/// A contract-amendment ticket as the operator works it: the change households reported, the
/// contract crm holds (if any) as it now stands, and how the ticket closed.
struct AmendmentDetail: Encodable, Sendable {
    var ticketId: String
    var kind = TicketKind.contractAmendment
    var branchCode: String
    var status: TicketStatus
    var slaLimitWorkingDays: Int
    var dueDate: String
    var slaState: SLAState
    var customerCode: String
    var contractNumber: String?
    var dossierId: String
    var previousCount: HouseholdQuarters.Shown
    var newCount: HouseholdQuarters.Shown
    var reason: HouseholdCountChanged.Reason
    var effectiveOn: CalendarDate
    var changedAt: Date
    var openedAt: Date
    /// The contract of `contractNumber` when crm holds it.
    var contract: TicketDetail.ContractView?
    var closure: ClosureView?
    var timeline: [TimelineStep]

    struct ClosureView: Encodable, Sendable {
        var resolution = "contract_amended"
        var slaLimitWorkingDays: Int
        var workingDaysTaken: Int
        var slaOutcome: TicketClosed.SLAOutcome
        var closedAt: Date
        var staffId: String
        var note: String?
        /// Whether crm's contract took the new count.
        var contractUpdated: Bool
    }
}
