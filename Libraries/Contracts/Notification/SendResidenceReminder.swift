import Foundation

/// households asks notification to remind a main household that a sub-household's residence
/// confirmation is about to expire, or has expired and stopped counting.
///
/// A command, so the phone number reaches notification's inbox only. Sent once per
/// confirmation and threshold; `reminderId` makes a repeat harmless.
public struct SendResidenceReminder: MessageContract {
    public static let routingKey = "notification.send-residence-reminder"
    public static let version = 1
    public static let kind = MessageKind.command

    /// Which reminder this is.
    public enum Threshold: String, Codable, Sendable, CaseIterable {
        /// The confirmation expires within 30 days: renew it to keep the allowance.
        case expiringSoon = "expiring_soon"
        /// It expired: the sub-household no longer counts until a new one is registered.
        case expired
    }

    public var reminderId: String
    /// The shared meter's customer code, named in the text.
    public var customerCode: String
    /// The branch keeping the dossier, e.g. `PC05TK`.
    public var unit: String
    /// The main household's mobile, E.164 (personal data).
    public var phone: String
    public var threshold: Threshold
    /// The last day the confirmation is valid.
    public var validUntil: CalendarDate
    public var issuedAt: Date

    public init(
        reminderId: String, customerCode: String, unit: String, phone: String, threshold: Threshold,
        validUntil: CalendarDate, issuedAt: Date
    ) {
        self.reminderId = reminderId
        self.customerCode = customerCode
        self.unit = unit
        self.phone = phone
        self.threshold = threshold
        self.validUntil = validUntil
        self.issuedAt = issuedAt
    }
}
