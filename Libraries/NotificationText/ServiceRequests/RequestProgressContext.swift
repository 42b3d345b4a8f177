/// The notice of a service request's stage: approved, the meter's check result, the final
/// reading, done. The sentence is crm's (`crm.request.progressed`), in Vietnamese; it is
/// cleaned and masked like any free text, though crm writes it from codes and amounts only.
public struct RequestProgressContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, summary
    }

    public let requestCode: String
    /// The owning branch's name without "Điện lực".
    public let branchName: String
    /// What happened, one sentence without a final full stop.
    public let summary: String

    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, summary: String) throws(TemplateValueError) {
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue,
                                                 limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.summary = try ContextValue.freeText(summary, field: Field.summary.rawValue,
                                                 limit: ContextValue.Limit.progressSummary)
    }

    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .summary: summary
        }
    }

    public static let template = NotificationTemplate<RequestProgressContext>(
        sms: """
            Điện lực \(.branchName): Yêu cầu \(.requestCode): \(.summary).
            """,
        emailSubject: "Tiến độ yêu cầu \(.requestCode)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) xin thông báo tiến độ yêu cầu \(.requestCode) của Quý khách:

            \(.summary).

            Quý khách có thể tra cứu yêu cầu bằng mã yêu cầu và số điện thoại đã đăng ký.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
