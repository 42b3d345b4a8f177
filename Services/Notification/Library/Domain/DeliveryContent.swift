/// What one delivery sends, rendered when the notice is queued and sealed at rest until it
/// is delivered (a signing code's SMS is a secret).
struct DeliveryContent: Codable, Sendable {
    /// The SMS text, or the e-mail's plain-text body.
    var text: String
    /// The e-mail's subject; `nil` for an SMS.
    var subject: String?
    /// The e-mail's sender name, e.g. `Điện lực Tam Kỳ`; `nil` for an SMS.
    var senderName: String?
    /// Whether the SMS travels as UCS-2 (with diacritics); `false` for GSM-7 and for e-mail.
    var unicode: Bool
}
