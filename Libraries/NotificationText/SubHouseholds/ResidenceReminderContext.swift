/// The holes both residence reminders have: the shared meter and the confirmation's last day.
public enum ResidenceReminderField: String, CaseIterable, Hashable, Sendable {
    case customerCode, validUntil
}

/// The checked values of a residence reminder.
public struct ResidenceReminderValues: Sendable {
    /// The shared meter's customer code, e.g. `PC05TK0012345`.
    public let customerCode: String
    /// The confirmation's last valid day, written `dd/MM/yyyy`.
    public let validUntil: String

    /// - Parameters:
    ///   - customerCode: the shared meter's customer code; no spaces, at most 20 characters.
    ///   - validUntil: the confirmation's last valid day, `YYYY-MM-DD`.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(customerCode: String, validUntil: String) throws(TemplateValueError) {
        self.customerCode = try ContextValue.code(customerCode, field: ResidenceReminderField.customerCode.rawValue,
                                                  limit: ContextValue.Limit.customerCode)
        self.validUntil = try ContextValue.day(validUntil, field: ResidenceReminderField.validUntil.rawValue)
    }
}

/// A reminder to a main household about a residence confirmation of a household sharing its
/// meter: the two thresholds differ in their texts only.
public protocol ResidenceReminderContext: NotificationContext where Field == ResidenceReminderField {
    var values: ResidenceReminderValues { get }
}

extension ResidenceReminderContext {
    /// The checked value that fills `field`.
    public func value(for field: ResidenceReminderField) -> String {
        switch field {
        case .customerCode: values.customerCode
        case .validUntil: values.validUntil
        }
    }
}
