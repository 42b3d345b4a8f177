import Foundation

/// The origins of the staff consoles, the only places the sign-in sends a browser back to.
///
/// A sign-in that followed any `next` address would be an open redirect: a link to the real
/// sign-in page that lands the person, signed in and trusting, on a look-alike site. So `next`
/// must be an absolute `http`/`https` address whose origin (scheme, host, port) is listed here,
/// with nothing a browser reads differently from this check: no backslash, no control
/// character, no space, no user name or password before the host.
public struct ConsoleOrigins: Sendable, Equatable {
    /// The origins as `scheme://host:port`, lower-case, the port always written.
    public let origins: Set<String>

    /// Development's consoles: every service's port on `localhost` and `127.0.0.1`.
    static let development = ["localhost", "127.0.0.1"].flatMap { host in
        (8080...8087).map { "http://\(host):\($0)" }
    }.joined(separator: ",")

    /// The comma-separated origins of `list`; nil when one of them is not an origin.
    public init?(_ list: String) {
        var origins: Set<String> = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            guard let components = URLComponents(string: entry), components.path.isEmpty || components.path == "/",
                  components.query == nil, components.fragment == nil, let origin = Self.origin(of: components) else {
                return nil
            }
            origins.insert(origin)
        }
        guard !origins.isEmpty else { return nil }
        self.origins = origins
    }

    /// `next` when it is an address on one of the consoles, else nil.
    public func destination(_ next: String?) -> String? {
        guard let next, !next.isEmpty, !next.contains("\\"), !next.contains(" "),
              !next.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              let components = URLComponents(string: next), components.user == nil, components.password == nil,
              let origin = Self.origin(of: components), origins.contains(origin) else { return nil }
        return next
    }

    /// `scheme://host:port` of an `http` or `https` address with a host.
    private static func origin(of components: URLComponents) -> String? {
        guard let scheme = components.scheme?.lowercased(), let host = components.host?.lowercased(), !host.isEmpty,
              scheme == "http" || scheme == "https" else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }
}
