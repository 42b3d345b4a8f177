/// The reminder to a main household that the residence confirmation of a household sharing
/// its meter runs out soon (households' `expiring_soon` threshold, 30 days ahead).
///
/// The confirmation is what lets that household count for the tariff allowance (every tier
/// of the bill is multiplied by the households on the meter), so the text says to renew it at
/// the branch before the day. It names the meter's customer code, never the household: an
/// SMS can be read by anyone holding the phone.
public struct ResidenceExpiringContext: ResidenceReminderContext {
    public typealias Field = ResidenceReminderField

    public let values: ResidenceReminderValues

    /// Checks and keeps the notice's values (``ResidenceReminderValues``).
    public init(customerCode: String, validUntil: String) throws(TemplateValueError) {
        values = try ResidenceReminderValues(customerCode: customerCode, validUntil: validUntil)
    }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<ResidenceExpiringContext>(
        sms: """
            Điện lực thông báo: Xác nhận cư trú của một hộ dùng chung công tơ mã khách hàng \
            \(.customerCode) hết hạn ngày \(.validUntil). Quý khách vui lòng gia hạn tại Điện lực \
            trước ngày này để hộ tiếp tục được tính định mức giá điện.
            """,
        emailSubject: "Xác nhận cư trú của hộ dùng chung công tơ \(.customerCode) sắp hết hạn",
        emailBody: """
            Kính gửi Quý khách,

            Xác nhận cư trú của một hộ dùng chung công tơ mã khách hàng \(.customerCode) sẽ hết hạn \
            ngày \(.validUntil).

            Để hộ này tiếp tục được tính định mức giá điện bậc thang, Quý khách vui lòng mang xác \
            nhận cư trú mới đến Điện lực đang quản lý hợp đồng trước ngày nêu trên.

            Trân trọng,
            Điện lực
            """
    )
}
