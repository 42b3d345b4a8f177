import Foundation

/// Where and as whom to connect: parsed from `amqp://user:pass@host:port/vhost`, or
/// `amqps://…` for TLS (port 5671 by default; the broker's certificate is verified, see
/// ``BrokerSettings/caFile``).
///
/// Follows the RabbitMQ URI specification: user, password and vhost are
/// percent-decoded, an empty path means the default vhost `/`, and `%2F` is how
/// a URL names the vhost `/` explicitly.
public struct AMQPURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var vhost: String
    /// Whether the connection runs over TLS (`amqps://`).
    public var tls: Bool

    public init(host: String = "127.0.0.1", port: Int = 5672, user: String = "guest", password: String = "guest", vhost: String = "/",
                tls: Bool = false) {
        self.tls = tls
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.vhost = vhost
    }

    /// Parses an AMQP URL; throws `AMQPError.invalidURL` naming what is wrong (and showing the
    /// URL without its password).
    public init(_ string: String) throws {
        guard let components = URLComponents(string: string), let scheme = components.scheme, ["amqp", "amqps"].contains(scheme) else {
            throw AMQPError.invalidURL(Self.withoutPassword(string), reason: "expected amqp://user:password@host:port/vhost or amqps://…")
        }
        self.tls = scheme == "amqps"
        guard let host = components.host, !host.isEmpty else {
            throw AMQPError.invalidURL(Self.withoutPassword(string), reason: "the host is missing")
        }
        self.host = host
        self.port = components.port ?? (tls ? 5671 : 5672)
        self.user = components.percentEncodedUser?.removingPercentEncoding ?? "guest"
        self.password = components.percentEncodedPassword?.removingPercentEncoding ?? "guest"
        let path = components.percentEncodedPath
        if path.isEmpty || path == "/" {
            self.vhost = "/"
        } else {
            let name = String(path.dropFirst())
            guard !name.contains("/"), let decoded = name.removingPercentEncoding else {
                throw AMQPError.invalidURL(Self.withoutPassword(string), reason: "the vhost must be one path segment (write / as %2F)")
            }
            self.vhost = decoded
        }
    }

    /// `string` with whatever stands between `:` and `@` after the scheme replaced: a URL that
    /// does not parse still must not carry its password into an error message or a log.
    private static func withoutPassword(_ string: String) -> String {
        guard let scheme = string.range(of: "://"), let at = string[scheme.upperBound...].lastIndex(of: "@"),
              let colon = string[scheme.upperBound..<at].firstIndex(of: ":") else { return string }
        return string.replacingCharacters(in: string.index(after: colon)..<at, with: "***")
    }

    /// The same URL pointing at another vhost (tests give each run its own).
    public func with(vhost: String) -> AMQPURL {
        var copy = self
        copy.vhost = vhost
        return copy
    }

    /// The URL without its password, fit for logs.
    public var description: String {
        let encodedVhost = vhost.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? vhost
        return "\(tls ? "amqps" : "amqp")://\(user)@\(host):\(port)/\(encodedVhost)"
    }
}
