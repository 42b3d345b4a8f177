/// Why a ``MailMessage`` (or one of its parts) cannot be built.
///
/// Thrown before anything is sent, so a message that would inject headers or
/// SMTP commands never reaches a server. None of these gets better by retrying:
/// the notification service records them as failed for good.
public enum MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header value (`field` names the header) contains CR or LF: it could
    /// end the header and start another one (header injection).
    case lineBreakInHeaderValue(field: String)
    /// A header value contains a control character other than tab (e.g. NUL).
    case controlCharacterInHeaderValue(field: String)
    /// A header name that RFC 5322 does not allow (empty, a colon, a space, non-ASCII).
    case invalidHeaderName(String)
    /// An extra header that the message writes itself (`From`, `Subject`, `Content-Type`, ...).
    case reservedHeader(String)
    /// An e-mail address that cannot be used in an SMTP envelope or a header.
    case invalidAddress(String, reason: String)
    /// A Message-ID that is not `id-left@id-right` in printable ASCII without `<`, `>` or spaces.
    case invalidMessageID(String)
    /// The message has no recipient.
    case noRecipients

    public var description: String {
        switch self {
        case .lineBreakInHeaderValue(let field):
            "the \(field) header contains a line break (CR or LF), which would allow header injection"
        case .controlCharacterInHeaderValue(let field):
            "the \(field) header contains a control character"
        case .invalidHeaderName(let name):
            "\(String(reflecting: name)) is not a valid header name (printable ASCII without ':' or spaces)"
        case .reservedHeader(let name):
            "the \(name) header is written by MailMessage itself and cannot be set as an extra header"
        case .invalidAddress(let address, let reason):
            "\(String(reflecting: address)) is not a usable e-mail address: \(reason)"
        case .invalidMessageID(let id):
            "\(String(reflecting: id)) is not a valid Message-ID (expected id-left@id-right, printable ASCII)"
        case .noRecipients:
            "the message has no recipient"
        }
    }
}
