/// Why ``SMTPMailer/send(_:)`` did not deliver a message, and whether trying
/// again later can succeed: the notification service retries ``Kind/transient``
/// failures (with back-off) and records ``Kind/permanent`` ones as failed.
///
/// The rule (``classify(replyCode:curlCode:)``):
/// - the server's last reply decides when it is 4yz (transient: mailbox busy,
///   service not available, too many recipients now) or 5yz (permanent: unknown
///   user, malformed address, message too large, authentication refused), as
///   RFC 5321 §4.2.1 defines them;
/// - without such a reply, network trouble is transient (connection refused,
///   host not resolved, timeout, connection cut, TLS handshake failed), and a
///   mailer that cannot work as configured is permanent (scheme not smtp/smtps,
///   malformed URL, TLS required but not offered, certificate not trusted):
///   retrying the same send with the same settings cannot succeed, an operator
///   must act (and can replay the failed notifications afterwards).
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether a later retry of the same send can succeed.
    public enum Kind: Sendable, Hashable {
        case transient
        case permanent

        /// The kind an SMTP reply code means: 4yz transient, 5yz permanent,
        /// `nil` for any other code (2yz/3yz are not failures, 0 is "no reply").
        public init?(replyCode: Int) {
            switch replyCode {
            case 400..<500: self = .transient
            case 500..<600: self = .permanent
            default: return nil
            }
        }
    }

    /// Transient or permanent.
    public let kind: Kind
    /// The last SMTP reply code the server sent (`CURLINFO_RESPONSE_CODE`), e.g.
    /// 553; `nil` when there was none (nothing listening, timeout before the greeting).
    public let replyCode: Int?
    /// libcurl's `CURLcode` for the failure (e.g. 7 `CURLE_COULDNT_CONNECT`, 55 `CURLE_SEND_ERROR`).
    public let curlCode: Int
    /// libcurl's message, e.g. "RCPT failed: 553".
    public let message: String

    /// Whether the notification service should retry this send.
    public var isTransient: Bool { kind == .transient }

    public init(kind: Kind, replyCode: Int?, curlCode: Int, message: String) {
        self.kind = kind
        self.replyCode = replyCode
        self.curlCode = curlCode
        self.message = message
    }

    /// Transient or permanent, from the last SMTP reply code and libcurl's result (see the type's documentation).
    public static func classify(replyCode: Int?, curlCode: Int) -> Kind {
        if let replyCode, let kind = Kind(replyCode: replyCode) { return kind }
        return permanentCurlCodes.contains(curlCode) ? .permanent : .transient
    }

    /// CURLcodes that mean "this mailer cannot work as configured"; everything
    /// else without a 4yz/5yz reply is taken as network trouble (transient).
    static let permanentCurlCodes: Set<Int> = [
        1,   // CURLE_UNSUPPORTED_PROTOCOL: the URL is not smtp:// or smtps://
        3,   // CURLE_URL_MALFORMAT
        4,   // CURLE_NOT_BUILT_IN
        43,  // CURLE_BAD_FUNCTION_ARGUMENT
        48,  // CURLE_UNKNOWN_OPTION
        53,  // CURLE_SSL_ENGINE_NOTFOUND
        54,  // CURLE_SSL_ENGINE_SETFAILED
        58,  // CURLE_SSL_CERTPROBLEM: our client certificate
        59,  // CURLE_SSL_CIPHER
        60,  // CURLE_PEER_FAILED_VERIFICATION: the server's certificate is not trusted
        64,  // CURLE_USE_SSL_FAILED: TLS required, the server offers no STARTTLS
        67,  // CURLE_LOGIN_DENIED (normally comes with a 535 reply)
        77,  // CURLE_SSL_CACERT_BADFILE
        83,  // CURLE_SSL_ISSUER_ERROR
        90,  // CURLE_SSL_PINNEDPUBKEYNOTMATCH
    ]

    public var description: String {
        let kind = kind == .transient ? "transient" : "permanent"
        let reply = replyCode.map { ", SMTP reply \($0)" } ?? ""
        return "SMTP send failed (\(kind)\(reply), curl code \(curlCode)): \(message)"
    }
}
