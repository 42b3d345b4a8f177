import Foundation

/// The confirmation that the customer signed the electricity purchase contract (flow step
/// 7, on `crm.contract.signed`).
///
/// It gives the contract number, which the customer quotes from then on, beside the
/// request code they have known so far.
public struct ContractSignedContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, contractNumber, trackingLink
    }

    /// The code the customer used to track the request.
    public let requestCode: String
    /// The owning branch's name without "Điện lực", e.g. `Tam Kỳ`.
    public let branchName: String
    /// The signed contract's number, e.g. `HĐ-TK-2025-000123`.
    public let contractNumber: String
    /// The request's tracking page, which offers the signed copy for download.
    public let trackingLink: URL

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - requestCode: the request code; no spaces, at most 20 characters.
    ///   - branchName: the owning branch, with or without a leading "Điện lực"; at most 30
    ///     characters.
    ///   - contractNumber: the contract number; no spaces, at most 30 characters.
    ///   - trackingLink: the request's tracking page (where the signed copy is downloaded), an
    ///     http(s) link of at most 90 characters.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, contractNumber: String, trackingLink: URL) throws(TemplateValueError) {
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue, limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.contractNumber = try ContextValue.code(contractNumber, field: Field.contractNumber.rawValue, limit: ContextValue.Limit.contractNumber)
        _ = try ContextValue.link(trackingLink, field: Field.trackingLink.rawValue)
        self.trackingLink = trackingLink
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .contractNumber: contractNumber
        case .trackingLink: trackingLink.absoluteString
        }
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<ContractSignedContext>(
        sms: """
            Điện lực \(.branchName): Quý khách đã ký thành công hợp đồng mua bán điện số \
            \(.contractNumber) (yêu cầu \(.requestCode)). Bản hợp đồng đã ký: \(.trackingLink)
            """,
        emailSubject: "Xác nhận đã ký hợp đồng mua bán điện số \(.contractNumber)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) xác nhận Quý khách đã ký thành công hợp đồng mua bán điện số \
            \(.contractNumber) cho yêu cầu cấp điện \(.requestCode).

            Hợp đồng đã ký được lưu trữ điện tử; Quý khách có thể xem lại và tải bản đã ký bất cứ lúc \
            nào tại:
            \(.trackingLink)

            Trân trọng cảm ơn Quý khách đã tin dùng dịch vụ của Điện lực \(.branchName).

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
