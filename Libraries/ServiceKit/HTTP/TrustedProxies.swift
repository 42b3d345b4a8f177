/// The reverse proxies (load balancers, TLS terminators) whose forwarding headers a service
/// believes: `TRUSTED_PROXIES`, comma-separated CIDR blocks, none by default.
///
/// Anyone can send `X-Forwarded-For` or `X-Forwarded-Proto`; only a proxy the operator put in
/// front of the service may say who the client is and how it connected, so the headers count
/// only when the connection itself comes from one of these blocks (see ``ClientOrigin``).
public struct TrustedProxies: Sendable, Equatable {
    public let blocks: [IPAddressBlock]

    /// No proxy is trusted: every forwarding header is ignored.
    public static let none = TrustedProxies(blocks: [])

    public init(blocks: [IPAddressBlock]) {
        self.blocks = blocks
    }

    /// Reads `TRUSTED_PROXIES` from `environment`.
    ///
    /// - Throws: ``ConfigurationError`` naming the variable when an entry is not an address or CIDR block.
    public init(environment: [String: String]) throws {
        let raw = environment[ConfigurationKey.trustedProxies.name] ?? ""
        var blocks: [IPAddressBlock] = []
        for entry in raw.split(separator: ",") where !entry.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let block = IPAddressBlock(String(entry)) else {
                throw ConfigurationError(variable: ConfigurationKey.trustedProxies.name, value: raw,
                                         expected: "comma-separated IP addresses or CIDR blocks, e.g. 10.0.0.0/8,fd00::/8")
            }
            blocks.append(block)
        }
        self.blocks = blocks
    }

    /// Whether `address` is one of the trusted proxies.
    public func contains(_ address: String) -> Bool {
        blocks.contains { $0.contains(address) }
    }
}
