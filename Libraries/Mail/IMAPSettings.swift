import Foundation

/// Where and how ``IMAPMailbox`` reads: the mailbox's URL, the account, the CA
/// that signs the server's certificate, and how long one command may take.
///
/// A value type so that a service can read it from its configuration once and
/// hand it to any thread.
public struct IMAPSettings: Sendable, Hashable, CustomStringConvertible {
    /// `imaps://host:port/MAILBOX` (TLS from the first byte) or
    /// `imap://host:port/MAILBOX` (plain; see ``isPlainTextOnLoopback``), e.g.
    /// `imaps://mail.evncpc.example.vn/INBOX`. Other schemes are refused by libcurl.
    public var url: String
    public var username: String
    /// Sent in clear text over `imap://`: keep that for loopback.
    public var password: String
    /// A PEM file of the CAs to trust for the server's certificate; `nil`: the system's.
    public var caFile: String?
    /// How long to wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// How long one command (login included) may take.
    public var timeout: Duration

    public init(
        url: String,
        username: String,
        password: String,
        caFile: String? = nil,
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(60)
    ) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.username = username
        self.password = password
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// Whether the URL is `imaps://`: the password and the customers' mail cross the network encrypted.
    public var usesTLS: Bool { url.lowercased().hasPrefix("imaps://") }

    /// Whether the URL is plain `imap://` to this machine (`127.0.0.1`, `[::1]`,
    /// `localhost`): the only place outside development where a clear-text login is harmless.
    public var isPlainTextOnLoopback: Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("imap://") else { return false }
        let authority = lowered.dropFirst("imap://".count).prefix { $0 != "/" }
        let host = authority.hasPrefix("[") ? authority.prefix { $0 != "]" } + "]" : authority.prefix { $0 != ":" }
        return ["127.0.0.1", "localhost", "[::1]"].contains(String(host))
    }

    /// The URL of the server without the mailbox: where `STATUS` is sent.
    var serverURL: String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        return url[..<scheme.upperBound] + authority + "/"
    }

    /// The mailbox's URL as libcurl reads it: the server's and the mailbox's name, percent-encoded.
    var mailboxURL: String {
        serverURL + (mailbox.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? mailbox)
    }

    /// The mailbox's name, as the URL's path gives it (`INBOX` when there is none).
    var mailbox: String {
        guard let scheme = url.range(of: "://") else { return "INBOX" }
        let path = url[scheme.upperBound...].drop { $0 != "/" }.dropFirst()
        return path.isEmpty ? "INBOX" : (String(path).removingPercentEncoding ?? String(path))
    }

    /// The settings without the password, for logs.
    public var description: String {
        let ca = caFile.map { " caFile=\($0)" } ?? ""
        return "IMAPSettings(\(url) user=\(username) password=***\(ca) connectTimeout=\(connectTimeout) timeout=\(timeout))"
    }
}
