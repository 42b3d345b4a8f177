/// Everything that can go wrong talking to the broker, worded for the operator who reads the log.
public enum AMQPError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String, reason: String)
    /// Nothing listens at the address, or the TCP connection could not be made in time.
    case connectionRefused(host: String, port: Int, detail: String)
    /// The TLS handshake failed: the broker's certificate does not chain to a trusted CA or
    /// does not name the host, or the CA file cannot be read.
    case tlsRefused(host: String, port: Int, detail: String)
    /// The broker refused the user name or password.
    case authenticationFailed(user: String)
    /// The vhost named in the URL does not exist on the broker.
    case vhostNotFound(String)
    /// The user may not use the vhost, or the broker refused the connection for another reason.
    case accessRefused(String)
    /// The broker closed the channel, e.g. `404` for an exchange that does not exist.
    case channelClosed(code: Int, text: String)
    /// The broker closed the connection (restart, `rabbitmqctl close_connection`, missed heartbeats).
    case connectionClosed(code: Int, text: String)
    /// The socket or the protocol failed below the broker's level.
    case library(operation: String, code: Int32, text: String)
    /// The broker refused to take responsibility for a published message.
    case nacked(messageId: String)
    /// A mandatory message matched no queue: nobody would have received it.
    case unroutable(messageId: String, text: String)
    /// The broker did not answer in time.
    case timeout(operation: String)

    /// Whether the connection is unusable after this error and must be re-opened.
    public var closesConnection: Bool {
        switch self {
        case .nacked, .unroutable, .invalidURL: false
        default: true
        }
    }

    public var description: String {
        switch self {
        case let .invalidURL(_, reason):
            // The URL itself is left out: it may carry the password.
            "invalid AMQP URL: \(reason)"
        case let .connectionRefused(host, port, detail):
            "cannot connect to the broker at \(host):\(port): \(detail)"
        case let .tlsRefused(host, port, detail):
            "TLS to the broker at \(host):\(port) refused: \(detail)"
        case let .authenticationFailed(user):
            "the broker refused the credentials of user '\(user)'"
        case let .vhostNotFound(vhost):
            "the broker has no vhost '\(vhost)'"
        case let .accessRefused(text):
            "the broker refused access: \(text)"
        case let .channelClosed(code, text):
            "the broker closed the channel (\(code)): \(text)"
        case let .connectionClosed(code, text):
            "the broker closed the connection (\(code)): \(text)"
        case let .library(operation, code, text):
            "\(operation) failed: \(text) (\(code))"
        case let .nacked(messageId):
            "the broker refused message \(messageId)"
        case let .unroutable(messageId, text):
            "message \(messageId) matched no queue: \(text)"
        case let .timeout(operation):
            "the broker did not answer \(operation) in time"
        }
    }
}
