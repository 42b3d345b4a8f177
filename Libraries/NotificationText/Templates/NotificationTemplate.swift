/// One customer notice in the forms it is sent: an SMS and an e-mail (subject and
/// plain-text body).
///
/// Keeping the three texts together means a wording change is made once, in one place,
/// and reviewed side by side; the texts are Vietnamese with diacritics, and the SMS is
/// written so that its unaccented GSM-7 form stays short (see `SMSText`).
public struct NotificationTemplate<Context: NotificationContext>: Sendable {
    /// The SMS body, with diacritics.
    public let sms: TemplateText<Context>
    /// The e-mail subject line.
    public let emailSubject: TemplateText<Context>
    /// The e-mail body, plain text, lines separated by `\n`.
    public let emailBody: TemplateText<Context>

    /// - Parameters:
    ///   - sms: the SMS body.
    ///   - emailSubject: the e-mail subject line.
    ///   - emailBody: the e-mail body.
    public init(sms: TemplateText<Context>, emailSubject: TemplateText<Context>, emailBody: TemplateText<Context>) {
        self.sms = sms
        self.emailSubject = emailSubject
        self.emailBody = emailBody
    }

    /// The notice filled with `context`'s values.
    ///
    /// - Parameter context: the notice's checked values.
    public func render(_ context: Context) -> RenderedNotification {
        RenderedNotification(
            sms: SMSText(sms.render(context)),
            email: EmailMessage(subject: emailSubject.render(context), body: emailBody.render(context))
        )
    }
}
