/// The notice to a main household that the residence confirmation of a household sharing its
/// meter has expired (households' `expired` threshold).
///
/// From then on that household no longer counts for the tariff allowance, so the bill's
/// tiers shrink, until a new confirmation is registered at the branch. Like the reminder
/// before it, it names the meter's customer code, never the household.
public struct ResidenceExpiredContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case customerCode, validUntil
    }

    /// The shared meter's customer code, e.g. `PC05TK0012345`.
    public let customerCode: String
    /// The confirmation's last valid day, written `dd/MM/yyyy`.
    public let validUntil: String

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - customerCode: the shared meter's customer code; no spaces, at most 20 characters.
    ///   - validUntil: the confirmation's last valid day, `YYYY-MM-DD`.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(customerCode: String, validUntil: String) throws(TemplateValueError) {
        self.customerCode = try ContextValue.code(customerCode, field: Field.customerCode.rawValue,
                                                  limit: ContextValue.Limit.customerCode)
        self.validUntil = try ContextValue.day(validUntil, field: Field.validUntil.rawValue)
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .customerCode: customerCode
        case .validUntil: validUntil
        }
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<ResidenceExpiredContext>(
        sms: """
            Điện lực thông báo: Xác nhận cư trú của một hộ dùng chung công tơ mã khách hàng \
            \(.customerCode) đã hết hạn ngày \(.validUntil). Hộ này không còn được tính định mức \
            giá điện cho đến khi Quý khách đăng ký lại tại Điện lực.
            """,
        emailSubject: "Xác nhận cư trú của hộ dùng chung công tơ \(.customerCode) đã hết hạn",
        emailBody: """
            Kính gửi Quý khách,

            Xác nhận cư trú của một hộ dùng chung công tơ mã khách hàng \(.customerCode) đã hết hạn \
            ngày \(.validUntil).

            Từ nay hộ này không còn được tính định mức giá điện bậc thang cho đến khi Quý khách mang \
            xác nhận cư trú mới đến Điện lực đang quản lý hợp đồng để đăng ký lại.

            Trân trọng,
            Điện lực
            """
    )
}
