/// The notice to a customer who reported an outage that power is back, with the cause
/// dispatch recorded (outage's `restored`, once per reporter and incident).
///
/// Customers must hear about an emergency outage within 24 hours (Circular 22/2020/TT-BCT);
/// the hotline is there for a customer whose power is still off.
public struct PowerRestoredContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case branchName, hotline, cause
    }

    public let branchName: String
    public let hotline: String
    /// Why the power went off, as dispatch wrote it.
    public let cause: String

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - branchName: the branch, with or without a leading "Điện lực"; at most 30 characters.
    ///   - hotline: the branch's hotline as printed.
    ///   - cause: free text, at most 80 characters; long numbers masked.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(branchName: String, hotline: String, cause: String) throws(TemplateValueError) {
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.hotline = try ContextValue.telephone(hotline, field: Field.hotline.rawValue)
        self.cause = try ContextValue.freeText(cause, field: Field.cause.rawValue, limit: ContextValue.Limit.outageReason)
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .branchName: branchName
        case .hotline: hotline
        case .cause: cause
        }
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<PowerRestoredContext>(
        sms: """
            Điện lực \(.branchName): Điện đã được cấp trở lại tại khu vực Quý khách báo mất điện. \
            Nguyên nhân: \(.cause). Nếu nhà Quý khách vẫn chưa có điện, vui lòng gọi \(.hotline).
            """,
        emailSubject: "Điện đã được cấp trở lại",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) thông báo: điện đã được cấp trở lại tại khu vực Quý khách báo mất điện.

            Nguyên nhân: \(.cause).

            Nếu nhà Quý khách vẫn chưa có điện, vui lòng gọi \(.hotline).

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
