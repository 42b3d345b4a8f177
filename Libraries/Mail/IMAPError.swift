/// Why an ``IMAPMailbox`` command failed: libcurl's code and message. Every failure
/// leaves the mailbox as it was (a mail not yet marked handled stays unhandled), so
/// the reader simply tries again at its next poll.
public struct IMAPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libcurl's `CURLcode` (e.g. 7 `CURLE_COULDNT_CONNECT`, 67 `CURLE_LOGIN_DENIED`), 0 when
    /// libcurl succeeded but the server's answer could not be read.
    public let curlCode: Int
    public let message: String

    public init(curlCode: Int, message: String) {
        self.curlCode = curlCode
        self.message = message
    }

    /// The server answered, but not as IMAP (RFC 9051) says it must.
    static func unreadable(_ what: String, _ answer: String) -> IMAPError {
        IMAPError(curlCode: 0, message: "unreadable \(what) answer: \(answer.prefix(200))")
    }

    public var description: String { "IMAP command failed (curl code \(curlCode)): \(message)" }
}
