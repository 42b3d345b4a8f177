import Foundation

/// crm took a decision on a service request or recorded its result: approved, the meter's
/// check result, the final reading, the request done.
///
/// Notification tells the customer once per stage, in the words of `summary`, which crm writes
/// from the ticket (it names no person: the customer code, counts, readings, a fee).
public struct RequestProgressed: MessageContract {
    public static let routingKey = "crm.request.progressed"
    public static let version = 1
    public static let kind = MessageKind.event

    /// Where the request got to.
    public enum Stage: String, Codable, Sendable, CaseIterable {
        /// The branch accepted the request; field work or a count follows.
        case approved
        /// Metering inspected or verified the meter; the summary gives the result.
        case meterChecked = "meter_checked"
        /// Metering took the final reading of a terminated contract.
        case finalReadingTaken = "final_reading_taken"
        /// The request is done: the contract changed, the meter is split, the result stands.
        case completed
    }

    public var ticketId: String
    public var requestCode: String
    public var requestKind: RequestKind
    public var branch: Branch
    public var stage: Stage
    /// One sentence for the customer in both languages.
    public var summary: LocalizedText
    public var progressedAt: Date

    public init(
        ticketId: String, requestCode: String, requestKind: RequestKind, branch: Branch, stage: Stage,
        summary: LocalizedText, progressedAt: Date
    ) {
        self.ticketId = ticketId
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.branch = branch
        self.stage = stage
        self.summary = summary
        self.progressedAt = progressedAt
    }
}
