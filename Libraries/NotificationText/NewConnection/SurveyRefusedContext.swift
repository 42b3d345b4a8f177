import Foundation

/// The notice that, after the site survey, the branch cannot connect the site (flow step 4
/// when the survey finds the request infeasible).
///
/// The reason is the one value typed by staff; it is cleaned up and any long number in it
/// masked (see `ContextValue.freeText`), so that an ID number quoted in a reason never
/// reaches the customer's phone.
public struct SurveyRefusedContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, reason, trackingLink
    }

    /// The code the customer uses to track the request.
    public let requestCode: String
    /// The owning branch's name without "Điện lực", e.g. `Tam Kỳ`.
    public let branchName: String
    /// Why the request cannot be met, one sentence, without a final full stop.
    public let reason: String
    /// The page where the customer follows the request.
    public let trackingLink: URL

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - requestCode: the request code; no spaces, at most 20 characters.
    ///   - branchName: the owning branch, with or without a leading "Điện lực"; at most 30
    ///     characters.
    ///   - reason: the reason recorded by staff; line breaks are joined, and it must fit in
    ///     150 characters.
    ///   - trackingLink: the request's tracking page, an http(s) link of at most 90 characters.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, reason: String, trackingLink: URL) throws(TemplateValueError) {
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue, limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.reason = try ContextValue.freeText(reason, field: Field.reason.rawValue, limit: ContextValue.Limit.reason)
        _ = try ContextValue.link(trackingLink, field: Field.trackingLink.rawValue)
        self.trackingLink = trackingLink
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .reason: reason
        case .trackingLink: trackingLink.absoluteString
        }
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<SurveyRefusedContext>(
        sms: """
            Điện lực \(.branchName): Rất tiếc, sau khảo sát, yêu cầu cấp điện \(.requestCode) \
            của Quý khách chưa thể đáp ứng. Lý do: \(.reason). Chi tiết: \(.trackingLink)
            """,
        emailSubject: "Kết quả khảo sát yêu cầu cấp điện \(.requestCode)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) đã khảo sát hiện trường theo yêu cầu cấp điện \(.requestCode) \
            của Quý khách. Chúng tôi rất tiếc phải thông báo rằng hiện chưa thể cấp điện theo \
            yêu cầu này.

            Lý do: \(.reason).

            Quý khách có thể xem lại yêu cầu tại:
            \(.trackingLink)

            Quý khách có thể liên hệ Điện lực \(.branchName) để được giải thích chi tiết và \
            hướng dẫn các bước tiếp theo. Mong Quý khách thông cảm.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
