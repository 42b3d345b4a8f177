import Contracts
import Foundation

/// The notice of a service request's stage: approved, the meter's check result, the final
/// reading, done. It names the kind of request and the stage in its own words, then crm's
/// sentence (`crm.request.progressed`), cleaned and masked like any free text, though crm
/// writes it from codes and amounts only. Both texts end with the link to the tracking page;
/// with crm's longest sentence the SMS may take three segments.
public struct RequestProgressContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, requestName, stage, branchName, summary, trackingLink
    }

    /// What was asked for.
    public let requestKind: RequestKind
    /// Where the request got to.
    public let stage: RequestProgressed.Stage
    public let requestCode: String
    /// The owning branch's name without "Điện lực".
    public let branchName: String
    /// What happened, one sentence without a final full stop.
    public let summary: String
    /// The page where the customer follows the request.
    public let trackingLink: URL

    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(
        requestKind: RequestKind, stage: RequestProgressed.Stage, requestCode: String, branchName: String,
        summary: String, trackingLink: URL
    ) throws(TemplateValueError) {
        self.requestKind = requestKind
        self.stage = stage
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue,
                                                 limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.summary = try ContextValue.freeText(summary, field: Field.summary.rawValue,
                                                 limit: ContextValue.Limit.progressSummary)
        _ = try ContextValue.link(trackingLink, field: Field.trackingLink.rawValue)
        self.trackingLink = trackingLink
    }

    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .requestName: requestKind.noticeName
        case .stage: stage.noticePhrase(for: requestKind)
        case .branchName: branchName
        case .summary: summary
        case .trackingLink: trackingLink.absoluteString
        }
    }

    public static let template = NotificationTemplate<RequestProgressContext>(
        sms: """
            Điện lực \(.branchName): Yêu cầu \(.requestName) \(.requestCode) \(.stage): \(.summary). \
            Tra cứu: \(.trackingLink)
            """,
        emailSubject: "Yêu cầu \(.requestName) \(.requestCode) \(.stage)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) xin thông báo: yêu cầu \(.requestName) \(.requestCode) của Quý khách \
            \(.stage).

            \(.summary).

            Quý khách có thể theo dõi tiến độ giải quyết yêu cầu tại:
            \(.trackingLink)

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
