import Contracts
import Foundation

/// The notice that a request of any kind was received and which branch will contact the
/// customer (flow step 2, on `crm.ticket.opened`).
///
/// It names the kind of request and what the branch does next (a survey for a connection, a
/// final reading for a termination, a decision for a contract change), gives the customer
/// the request code to quote, the branch that owns the request, how to reach it, and where
/// to follow progress. It takes no ID number, name or address: an
/// SMS can be read by anyone holding the phone.
public struct RequestReceivedContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, requestName, nextStep, branchName, branchHotline, trackingLink
    }

    /// What was asked for: it decides the notice's name for the request and its next step.
    public let requestKind: RequestKind
    /// The code the customer uses to track the request.
    public let requestCode: String
    /// The owning branch's name without "Điện lực" (the texts write it), e.g. `Tam Kỳ`.
    public let branchName: String
    /// The branch's customer hotline, as printed, e.g. `0235 3852 999`.
    public let branchHotline: String
    /// The page where the customer follows the request.
    public let trackingLink: URL

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - requestKind: what was asked for.
    ///   - requestCode: the request code; no spaces, at most 20 characters.
    ///   - branchName: the owning branch, with or without a leading "Điện lực"; at most 30
    ///     characters.
    ///   - branchHotline: digits, spaces, `. - + ( )`; at most 20 characters.
    ///   - trackingLink: an http(s) link of at most 90 characters.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(
        requestKind: RequestKind, requestCode: String, branchName: String, branchHotline: String, trackingLink: URL
    ) throws(TemplateValueError) {
        self.requestKind = requestKind
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue, limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.branchHotline = try ContextValue.telephone(branchHotline, field: Field.branchHotline.rawValue)
        _ = try ContextValue.link(trackingLink, field: Field.trackingLink.rawValue)
        self.trackingLink = trackingLink
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .requestName: requestKind.noticeName
        case .nextStep: requestKind.nextStep
        case .branchName: branchName
        case .branchHotline: branchHotline
        case .trackingLink: trackingLink.absoluteString
        }
    }

    /// The link is last in the SMS, with nothing after it, so that no phone takes a
    /// following full stop for part of the address.
    public static let template = NotificationTemplate<RequestReceivedContext>(
        sms: """
            Điện lực \(.branchName): Yêu cầu \(.requestName) \(.requestCode) đã được tiếp nhận. \
            \(.nextStep) Hotline: \(.branchHotline). Tra cứu: \(.trackingLink)
            """,
        emailSubject: "Điện lực \(.branchName) đã tiếp nhận yêu cầu \(.requestName) \(.requestCode)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) trân trọng thông báo: yêu cầu \(.requestName) của Quý khách đã được \
            tiếp nhận với mã yêu cầu \(.requestCode).

            \(.nextStep) Quý khách không cần nộp bản sao giấy tờ: hồ sơ được lưu trữ điện tử.

            Quý khách có thể theo dõi tiến độ giải quyết yêu cầu tại:
            \(.trackingLink)

            Mọi thắc mắc, xin Quý khách vui lòng liên hệ đường dây nóng của Điện lực \(.branchName): \
            \(.branchHotline).

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
