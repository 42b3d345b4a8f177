import Foundation

/// intake hands a customer's power-outage report to outage, which files it under one incident.
///
/// A command, not an event: the reporter's phone, the number told when power is back, reaches
/// outage's inbox only. `reportCode` makes a repeat harmless.
public struct RecordOutageReport: MessageContract {
    public static let routingKey = "outage.record-report"
    public static let version = 1
    public static let kind = MessageKind.command

    /// The code the customer was answered with, e.g. `PC05TK-261202-000042`; the `correlation_id`.
    public var reportCode: String
    public var channel: Channel
    /// The call-centre operator who took the call; present exactly when `channel` is `phone`.
    public var operatorId: String?
    /// The branch serving the place without power.
    public var branch: Branch
    /// The commune or ward without power, when the reporter named it (by address).
    public var communeCode: String?
    /// The billing customer code, when the reporter gave it; outage finds its commune and station.
    public var customerCode: String?
    /// The reporter's mobile, E.164 (personal data): told once when power is back.
    public var phone: String
    /// What the reporter saw ("cột điện đổ", "cháy công tơ"), as typed.
    public var note: String?
    public var reportedAt: Date

    public init(
        reportCode: String, channel: Channel, operatorId: String? = nil, branch: Branch, communeCode: String? = nil,
        customerCode: String? = nil, phone: String, note: String? = nil, reportedAt: Date
    ) {
        self.reportCode = reportCode
        self.channel = channel
        self.operatorId = operatorId
        self.branch = branch
        self.communeCode = communeCode
        self.customerCode = customerCode
        self.phone = phone
        self.note = note
        self.reportedAt = reportedAt
    }
}
