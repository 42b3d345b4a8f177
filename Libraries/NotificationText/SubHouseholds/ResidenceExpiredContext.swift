/// The notice to a main household that the residence confirmation of a household sharing its
/// meter has expired (households' `expired` threshold).
///
/// From then on that household no longer counts for the tariff allowance, so the bill's
/// tiers shrink, until a new confirmation is registered at the branch. Like the reminder
/// before it, it names the meter's customer code, never the household.
public struct ResidenceExpiredContext: ResidenceReminderContext {
    public typealias Field = ResidenceReminderField

    public let values: ResidenceReminderValues

    /// Checks and keeps the notice's values (``ResidenceReminderValues``).
    public init(customerCode: String, validUntil: String) throws(TemplateValueError) {
        values = try ResidenceReminderValues(customerCode: customerCode, validUntil: validUntil)
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
