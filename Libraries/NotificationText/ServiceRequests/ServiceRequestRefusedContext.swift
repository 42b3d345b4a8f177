import Contracts
import Foundation

/// The notice that the branch turned a service request down (a contract change, a meter
/// check, a split), naming the kind of request, with staff's reason, cleaned and masked like
/// every typed value. Both texts carry the link to the tracking page; with the longest reason
/// the SMS may take three segments.
public struct ServiceRequestRefusedContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case request, branchName, reason, trackingLink
    }

    /// What was asked for; `nil` when the event did not say, and the notice names the code alone.
    public let requestKind: RequestKind?
    public let requestCode: String
    /// The owning branch's name without "Điện lực".
    public let branchName: String
    /// Why, one sentence without a final full stop.
    public let reason: String
    /// The page where the customer follows the request.
    public let trackingLink: URL

    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(
        requestKind: RequestKind?, requestCode: String, branchName: String, reason: String, trackingLink: URL
    ) throws(TemplateValueError) {
        self.requestKind = requestKind
        self.requestCode = try ContextValue.code(requestCode, field: "requestCode", limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.reason = try ContextValue.freeText(reason, field: Field.reason.rawValue, limit: ContextValue.Limit.reason)
        _ = try ContextValue.link(trackingLink, field: Field.trackingLink.rawValue)
        self.trackingLink = trackingLink
    }

    public func value(for field: Field) -> String {
        switch field {
        case .request: requestKind.map { "\($0.noticeName) \(requestCode)" } ?? requestCode
        case .branchName: branchName
        case .reason: reason
        case .trackingLink: trackingLink.absoluteString
        }
    }

    public static let template = NotificationTemplate<ServiceRequestRefusedContext>(
        sms: """
            Điện lực \(.branchName): Rất tiếc, yêu cầu \(.request) của Quý khách chưa được \
            chấp thuận. Lý do: \(.reason). Chi tiết: \(.trackingLink)
            """,
        emailSubject: "Kết quả xử lý yêu cầu \(.request)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) đã xem xét yêu cầu \(.request) của Quý khách và rất tiếc \
            chưa thể chấp thuận.

            Lý do: \(.reason).

            Quý khách có thể xem lại yêu cầu tại:
            \(.trackingLink)

            Quý khách có thể liên hệ Điện lực \(.branchName) để được hướng dẫn thêm.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
