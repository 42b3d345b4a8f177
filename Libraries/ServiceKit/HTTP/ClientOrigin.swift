import Foundation
import Hummingbird
import NIOCore

/// Where a request came from, as far as the service can tell: the client's IP address, and
/// whether the client's connection was encrypted.
///
/// The connection's peer is the client unless it is one of the ``TrustedProxies``. Then the
/// client is the right-most `X-Forwarded-For` hop that is not itself a trusted proxy: each
/// proxy appends the address it saw, so hops to the left of the first untrusted one may be
/// anything the client chose to write, and are never believed. Likewise `X-Forwarded-Proto:
/// https` means TLS only from a trusted proxy (the one facing the internet sets it).
///
/// Abuse limits count by ``address``; `Strict-Transport-Security` and `Secure` cookies follow
/// ``overTLS`` (``TransportSecurityMiddleware``).
public struct ClientOrigin: Sendable, Equatable {
    /// The client's IP address in canonical text (IPv4-mapped IPv6 as IPv4); `unknown` when
    /// the connection has no IP peer (in-process tests).
    public let address: String
    /// Whether the client reached the service (its TLS-terminating proxy) over HTTPS.
    public let overTLS: Bool

    public static let unknownAddress = "unknown"

    public init(address: String, overTLS: Bool) {
        self.address = address
        self.overTLS = overTLS
    }

    /// The origin of a request arriving from `peer` with `headers`.
    public init(peer: SocketAddress?, headers: HTTPFields, trusting proxies: TrustedProxies) {
        guard let peerAddress = peer?.ipAddress else {
            self.init(address: Self.unknownAddress, overTLS: false)
            return
        }
        guard proxies.contains(peerAddress) else {
            self.init(address: Self.canonical(peerAddress), overTLS: false)
            return
        }
        let hops = Self.values(of: headers[values: .init("X-Forwarded-For")!])
        let client = hops.last { !proxies.contains($0) } ?? hops.first ?? peerAddress
        let proto = Self.values(of: headers[values: .init("X-Forwarded-Proto")!]).first
        self.init(address: Self.canonical(client), overTLS: proto?.lowercased() == "https")
    }

    /// The origin of a request a service's router handles.
    public init(_ request: Request, context: some RemoteAddressRequestContext, trusting proxies: TrustedProxies) {
        self.init(peer: context.remoteAddress, headers: request.headers, trusting: proxies)
    }

    /// Every comma-separated value of a header's `lines`, in order.
    private static func values(of lines: [String]) -> [String] {
        lines.flatMap { line in
            line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// An address's canonical text, so one client is one key however it is written; other text as it came.
    private static func canonical(_ address: String) -> String {
        IPAddressBlock.bytes(of: address).flatMap(IPAddressBlock.text(of:)) ?? address
    }
}
