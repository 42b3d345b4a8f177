import Mail
import TestSupport

extension SMTPSink {
    /// Plain SMTP (the sink offers no STARTTLS), short timeouts.
    var settings: SMTPSettings {
        SMTPSettings(url: "smtp://\(host):\(port)", useTLS: false, connectTimeout: .seconds(5), timeout: .seconds(20))
    }
}
