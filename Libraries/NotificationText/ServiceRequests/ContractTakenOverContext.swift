import Foundation

/// The notice to the new holder of a contract that passed to them on a change of holder
/// (`crm.contract.holder-changed`): from which day the contract is theirs, its number and the
/// customer code they quote from then on, which do not change with the holder. It links to
/// the portal's signing page of the request, where the new holder, with their own phone,
/// reads and downloads the contract they signed (the request's tracking page opens to the one
/// who filed it).
public struct ContractTakenOverContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, contractNumber, customerCode, effectiveOn, contractLink
    }

    /// The change of holder's request.
    public let requestCode: String
    /// The owning branch's name without "Điện lực".
    public let branchName: String
    public let contractNumber: String
    public let customerCode: String
    /// The day the contract became the new holder's, written `dd/MM/yyyy`.
    public let effectiveOn: String
    /// The request's signing page, where the signed copy is downloaded.
    public let contractLink: URL

    /// - Parameters:
    ///   - effectiveOn: the day the contract became the new holder's, `YYYY-MM-DD`.
    ///   - contractLink: an http(s) link of at most 90 characters.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, contractNumber: String, customerCode: String,
                effectiveOn: String, contractLink: URL) throws(TemplateValueError) {
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue,
                                                 limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        self.contractNumber = try ContextValue.code(contractNumber, field: Field.contractNumber.rawValue,
                                                    limit: ContextValue.Limit.contractNumber)
        self.customerCode = try ContextValue.code(customerCode, field: Field.customerCode.rawValue,
                                                  limit: ContextValue.Limit.customerCode)
        self.effectiveOn = try ContextValue.day(effectiveOn, field: Field.effectiveOn.rawValue)
        _ = try ContextValue.link(contractLink, field: Field.contractLink.rawValue)
        self.contractLink = contractLink
    }

    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .contractNumber: contractNumber
        case .customerCode: customerCode
        case .effectiveOn: effectiveOn
        case .contractLink: contractLink.absoluteString
        }
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<ContractTakenOverContext>(
        sms: """
            Điện lực \(.branchName): Từ ngày \(.effectiveOn), hợp đồng mua bán điện số \(.contractNumber) \
            (mã khách hàng \(.customerCode)) đã chuyển sang tên Quý khách. Bản đã ký: \(.contractLink)
            """,
        emailSubject: "Hợp đồng mua bán điện số \(.contractNumber) đã chuyển sang tên Quý khách",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) xác nhận Quý khách đã ký nhận hợp đồng mua bán điện số \
            \(.contractNumber) theo yêu cầu đổi chủ hợp đồng \(.requestCode).

            Từ ngày \(.effectiveOn), hợp đồng đứng tên Quý khách. Mã khách hàng \(.customerCode) \
            không đổi; Quý khách dùng mã này khi tra cứu lịch cắt điện, hóa đơn và liên hệ Điện lực. \
            Thông báo cắt điện của điểm cấp điện này từ nay được gửi đến số điện thoại của Quý khách.

            Quý khách có thể xem lại và tải bản hợp đồng đã ký, bằng số điện thoại của mình, tại:
            \(.contractLink)

            Trân trọng cảm ơn Quý khách đã tin dùng dịch vụ của Điện lực \(.branchName).

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
