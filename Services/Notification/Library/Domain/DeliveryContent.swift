import NotificationText

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
    /// The customer's mail an e-mail answers (`In-Reply-To`), without angle brackets; `nil`
    /// for a notice, which starts its own conversation.
    var inReplyTo: String?
    /// The thread of the customer's mail before it (`References`), oldest first.
    var references: [String]?
}

extension DeliveryContent {
    /// The SMS of `notice`: with diacritics when `unicode` (`SMS_UNICODE=1`), else its
    /// cheaper GSM-7 form without them.
    init(sms notice: RenderedNotification, unicode: Bool) {
        let sms = unicode ? notice.sms : notice.smsWithoutDiacritics
        self.init(text: sms.text, unicode: sms.encoding == .ucs2)
    }
}
