import Foundation

/// The holes every planned-outage notice has: place, reason, start and expected restoration
/// (the content Circular 22/2020/TT-BCT requires), and the branch.
public enum PlannedOutageField: String, CaseIterable, Hashable, Sendable {
    case branchName, location, reason, startsAt, endsAt
}

/// The checked values of a planned-outage notice.
public struct PlannedOutageValues: Sendable {
    public let branchName: String
    /// The place as dispatch wrote it for customers.
    public let location: String
    /// The reason of the outage, or of its cancellation.
    public let reason: String
    /// The start and the expected restoration, `HH:mm dd/MM/yyyy` in Vietnam's time.
    public let startsAt: String
    public let endsAt: String

    /// - Parameters:
    ///   - branchName: the branch, with or without a leading "Điện lực"; at most 30 characters.
    ///   - location: free text, at most 80 characters.
    ///   - reason: free text, at most 80 characters; long numbers masked.
    ///   - startsAt: the start; `endsAt`: the expected restoration.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(branchName: String, location: String, reason: String, startsAt: Date, endsAt: Date) throws(TemplateValueError) {
        self.branchName = try ContextValue.branchName(branchName, field: PlannedOutageField.branchName.rawValue)
        self.location = try ContextValue.freeText(location, field: PlannedOutageField.location.rawValue,
                                                  limit: ContextValue.Limit.outagePlace)
        self.reason = try ContextValue.freeText(reason, field: PlannedOutageField.reason.rawValue,
                                                limit: ContextValue.Limit.outageReason)
        self.startsAt = ContextValue.vietnamTime(startsAt)
        self.endsAt = ContextValue.vietnamTime(endsAt)
    }
}

/// A notice about a planned outage of the customer's area: scheduled, changed or cancelled
/// differ in their texts only.
public protocol PlannedOutageNoticeContext: NotificationContext where Field == PlannedOutageField {
    var values: PlannedOutageValues { get }
    init(values: PlannedOutageValues)
}

extension PlannedOutageNoticeContext {
    /// Checks and keeps the notice's values (``PlannedOutageValues``).
    public init(branchName: String, location: String, reason: String, startsAt: Date, endsAt: Date) throws(TemplateValueError) {
        self.init(values: try PlannedOutageValues(branchName: branchName, location: location, reason: reason,
                                                  startsAt: startsAt, endsAt: endsAt))
    }

    /// The checked value that fills `field`.
    public func value(for field: PlannedOutageField) -> String {
        switch field {
        case .branchName: values.branchName
        case .location: values.location
        case .reason: values.reason
        case .startsAt: values.startsAt
        case .endsAt: values.endsAt
        }
    }
}

/// A planned outage of the customer's area was scheduled, at least five days ahead unless urgent.
public struct PlannedOutageScheduledContext: PlannedOutageNoticeContext {
    public let values: PlannedOutageValues
    public init(values: PlannedOutageValues) { self.values = values }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<PlannedOutageScheduledContext>(
        sms: """
            Điện lực \(.branchName) thông báo tạm ngừng cấp điện từ \(.startsAt) đến \(.endsAt) tại \
            \(.location) để \(.reason). Rất mong Quý khách thông cảm.
            """,
        emailSubject: "Thông báo tạm ngừng cấp điện từ \(.startsAt)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) thông báo tạm ngừng cấp điện:
            - Thời gian: từ \(.startsAt) đến \(.endsAt) (dự kiến đóng điện lại);
            - Khu vực: \(.location);
            - Lý do: \(.reason).

            Rất mong Quý khách thông cảm.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}

/// The times, place or reason of a planned outage the customer was told of changed.
public struct PlannedOutageChangedContext: PlannedOutageNoticeContext {
    public let values: PlannedOutageValues
    public init(values: PlannedOutageValues) { self.values = values }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<PlannedOutageChangedContext>(
        sms: """
            Điện lực \(.branchName) thay đổi lịch tạm ngừng cấp điện: nay từ \(.startsAt) đến \(.endsAt) \
            tại \(.location) để \(.reason). Rất mong Quý khách thông cảm.
            """,
        emailSubject: "Thay đổi lịch tạm ngừng cấp điện: nay từ \(.startsAt)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) thông báo thay đổi lịch tạm ngừng cấp điện đã báo trước đây:
            - Thời gian mới: từ \(.startsAt) đến \(.endsAt) (dự kiến đóng điện lại);
            - Khu vực: \(.location);
            - Lý do: \(.reason).

            Rất mong Quý khách thông cảm.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}

/// A planned outage the customer was told of was called off; the reason is the cancellation's.
public struct PlannedOutageCancelledContext: PlannedOutageNoticeContext {
    public let values: PlannedOutageValues
    public init(values: PlannedOutageValues) { self.values = values }

    /// The SMS and e-mail of this notice.
    public static let template = NotificationTemplate<PlannedOutageCancelledContext>(
        sms: """
            Điện lực \(.branchName) hủy lịch tạm ngừng cấp điện từ \(.startsAt) đến \(.endsAt) tại \
            \(.location) (\(.reason)). Điện vẫn được cấp bình thường.
            """,
        emailSubject: "Hủy lịch tạm ngừng cấp điện từ \(.startsAt)",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) thông báo hủy lịch tạm ngừng cấp điện từ \(.startsAt) đến \(.endsAt) \
            tại \(.location).

            Lý do: \(.reason). Điện vẫn được cấp bình thường.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
