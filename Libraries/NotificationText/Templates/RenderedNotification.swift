/// A filled-in notice, ready to hand to the SMS gateway and the mailer.
///
/// It carries the SMS both ways so that the sender, not the template, decides between
/// diacritics (UCS-2) and cost (GSM-7) — for instance by gateway configuration.
public struct RenderedNotification: Sendable, Hashable {
    /// The SMS with diacritics, as written.
    public let sms: SMSText
    /// The same SMS without diacritics, in GSM-7.
    public let smsWithoutDiacritics: SMSText
    /// The e-mail.
    public let email: EmailMessage

    /// - Parameters:
    ///   - sms: the SMS with diacritics; its GSM-7 form is derived from it.
    ///   - email: the e-mail.
    public init(sms: SMSText, email: EmailMessage) {
        self.sms = sms
        self.smsWithoutDiacritics = sms.withoutDiacritics
        self.email = email
    }
}
