import Foundation

/// crm closed a ticket and judged its SLA (flow step 7, or on a refusal).
///
/// Branches are measured on the published service-time limits, so the outcome is in
/// working days, as the limits are.
public struct TicketClosed: MessageContract {
    public static let routingKey = "crm.ticket.closed"
    public static let version = 1
    public static let kind = MessageKind.event

    /// How the request ended.
    public enum Resolution: String, Codable, Sendable, CaseIterable {
        case contractSigned = "contract_signed"
        case refused
        /// A service request carried out: the contract changed, the meter checked or split.
        case completed
    }

    /// Whether the branch kept the limit.
    public enum SLAOutcome: String, Codable, Sendable, CaseIterable {
        case met
        case breached
    }

    public var ticketId: String
    public var requestCode: String
    public var branchCode: String
    public var resolution: Resolution
    /// The limit that applied at the end, in working days.
    public var slaLimitWorkingDays: Int
    /// Working days from the day the ticket opened to the day it closed.
    public var workingDaysTaken: Int
    public var slaOutcome: SLAOutcome
    public var closedAt: Date

    public init(
        ticketId: String, requestCode: String, branchCode: String, resolution: Resolution, slaLimitWorkingDays: Int,
        workingDaysTaken: Int, slaOutcome: SLAOutcome, closedAt: Date
    ) {
        self.ticketId = ticketId
        self.requestCode = requestCode
        self.branchCode = branchCode
        self.resolution = resolution
        self.slaLimitWorkingDays = slaLimitWorkingDays
        self.workingDaysTaken = workingDaysTaken
        self.slaOutcome = slaOutcome
        self.closedAt = closedAt
    }
}
