import CCurl

/// Sends one ``MailMessage`` over SMTP through libcurl: the e-mail channel of
/// the notification service.
///
/// Each ``send(_:)`` uses its own libcurl easy handle (and its own connection),
/// so one `SMTPMailer` can be shared by any number of threads without locking.
/// Notification volumes do not need connection reuse; a failed send never
/// leaves a half-used connection behind for the next one.
public struct SMTPMailer: Sendable {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Delivers `message` to the relay: `MAIL FROM` the sender, `RCPT TO` each
    /// recipient, then the rendered message. Returns once the server accepted the
    /// message (250 after the data); it is then the server's to deliver.
    ///
    /// **Blocks the calling thread** for up to ``SMTPSettings/timeout``. Do not call
    /// it on Swift's cooperative thread pool (from an `async` function directly):
    /// run it on a thread of its own (e.g. a `DispatchQueue`), so that slow mail
    /// never stalls the service's other tasks.
    ///
    /// If any recipient is refused, nothing is sent to any recipient.
    ///
    /// - Throws: ``SMTPError``, ``SMTPError/Kind/transient`` when retrying later
    ///   can succeed, ``SMTPError/Kind/permanent`` when it cannot.
    public func send(_ message: MailMessage) throws(SMTPError) {
        let global = CurlGlobal.initialisation
        guard global == CURLE_OK else {
            throw SMTPError(kind: .transient, replyCode: nil, curlCode: Int(global.rawValue),
                            message: "curl_global_init failed: \(String(cString: curl_easy_strerror(global)))")
        }
        let transfer = try SMTPTransfer(bytes: message.rendered())
        try transfer.configure(settings: settings, from: message.from.email, recipients: message.to.map(\.email))
        try transfer.perform()
    }
}
