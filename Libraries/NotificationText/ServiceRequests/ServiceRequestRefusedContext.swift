/// The notice that the branch turned a service request down (a contract change, a meter
/// check, a split), with staff's reason, cleaned and masked like every typed value.
public struct ServiceRequestRefusedContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, reason
    }

    public let requestCode: String
    /// The owning branch's name without "Điện lực".
    public let branchName: String
    /// Why, one sentence without a final full stop.
    public let reason: String

    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, reason: String) throws(TemplateValueError) {
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue,
                                                 limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.reason = try ContextValue.freeText(reason, field: Field.reason.rawValue, limit: ContextValue.Limit.reason)
    }

    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .reason: reason
        }
    }

    public static let template = NotificationTemplate<ServiceRequestRefusedContext>(
        sms: """
            Điện lực \(.branchName): Rất tiếc, yêu cầu \(.requestCode) của Quý khách chưa được \
            chấp thuận. Lý do: \(.reason).
            """,
        emailSubject: "Kết quả xử lý yêu cầu \(.requestCode)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) đã xem xét yêu cầu \(.requestCode) của Quý khách và rất tiếc \
            chưa thể chấp thuận.

            Lý do: \(.reason).

            Quý khách có thể liên hệ Điện lực \(.branchName) để được hướng dẫn thêm.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
