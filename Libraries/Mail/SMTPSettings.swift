/// Where and how ``SMTPMailer`` delivers: the relay's URL, credentials, whether
/// TLS is required, and how long a send may take.
///
/// A value type so that the notification service can read it from its
/// configuration once and hand it to any thread.
public struct SMTPSettings: Sendable, Hashable, CustomStringConvertible {
    /// `smtp://host:port` (plain, or STARTTLS when ``useTLS``) or `smtps://host:port`
    /// (TLS from the first byte). An optional path is the name sent in `EHLO`
    /// (`smtp://relay.example.vn:587/notification.example.vn`); without it libcurl
    /// sends the local host name. Other schemes are refused.
    public var url: String
    /// SMTP AUTH user name; `nil` for a relay that needs none.
    public var username: String?
    /// SMTP AUTH password. Sent in clear text to a server without TLS when
    /// ``useTLS`` is false, so keep that for loopback and trusted networks.
    public var password: String?
    /// `true`: TLS is required (`CURLOPT_USE_SSL = CURLUSESSL_ALL`): with `smtp://`
    /// the server must offer STARTTLS, else the send fails before any mail data is
    /// sent. `false`: plain SMTP (`CURLUSESSL_NONE`), e.g. for a local sink.
    /// An `smtps://` URL always uses TLS.
    public var useTLS: Bool
    /// How long to wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// How long one whole send may take, connection included.
    public var timeout: Duration

    public init(
        url: String,
        username: String? = nil,
        password: String? = nil,
        useTLS: Bool = true,
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.useTLS = useTLS
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// The settings without the password, for logs.
    public var description: String {
        let user = username.map { " user=\($0)" } ?? ""
        let password = password == nil ? "" : " password=***"
        return "SMTPSettings(\(url)\(user)\(password) useTLS=\(useTLS) connectTimeout=\(connectTimeout) timeout=\(timeout))"
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl reads 0 as "no timeout").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int.max }
        return max(1, Int(clamping: milliseconds.partialValue + attoseconds / 1_000_000_000_000_000))
    }
}
