import Foundation

/// The confirmation that the customer signed a contract with a term (flow step 7, on a
/// `crm.contract.signed` that names `endsOn`): as ``ContractSignedContext``, and the last day
/// the contract runs, now that the signature fixed it, so the customer knows when to renew.
public struct FixedTermContractSignedContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, contractNumber, endsOn, trackingLink
    }

    /// The request code, branch and contract number, checked as the open-ended notice checks them.
    public let signed: ContractSignedContext
    /// The contract's last day, written `dd/MM/yyyy`.
    public let endsOn: String

    /// - Parameter endsOn: the contract's last day, `YYYY-MM-DD`; the other values as for
    ///   ``ContractSignedContext``.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, contractNumber: String,
                endsOn: String, trackingLink: URL) throws(TemplateValueError) {
        signed = try ContractSignedContext(requestCode: requestCode, branchName: branchName,
                                           contractNumber: contractNumber, trackingLink: trackingLink)
        self.endsOn = try ContextValue.day(endsOn, field: Field.endsOn.rawValue)
    }

    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: signed.value(for: .requestCode)
        case .branchName: signed.value(for: .branchName)
        case .contractNumber: signed.value(for: .contractNumber)
        case .endsOn: endsOn
        case .trackingLink: signed.value(for: .trackingLink)
        }
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<FixedTermContractSignedContext>(
        sms: """
            Điện lực \(.branchName): Quý khách đã ký thành công hợp đồng mua bán điện số \
            \(.contractNumber) (yêu cầu \(.requestCode)), có thời hạn đến hết ngày \(.endsOn). \
            Bản đã ký: \(.trackingLink)
            """,
        emailSubject: "Xác nhận đã ký hợp đồng mua bán điện số \(.contractNumber)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) xác nhận Quý khách đã ký thành công hợp đồng mua bán điện số \
            \(.contractNumber) cho yêu cầu cấp điện \(.requestCode).

            Hợp đồng có thời hạn đến hết ngày \(.endsOn). Trước khi hết hạn, Quý khách có thể đề nghị \
            gia hạn trên cổng dịch vụ khách hàng.

            Hợp đồng đã ký được lưu trữ điện tử; Quý khách có thể xem lại và tải bản đã ký bất cứ lúc \
            nào tại:
            \(.trackingLink)

            Trân trọng cảm ơn Quý khách đã tin dùng dịch vụ của Điện lực \(.branchName).

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
