import Synchronization

/// The broker's nodes a component may connect to, in the order it tries them.
///
/// A RabbitMQ cluster is reached through any of its nodes: one `AMQP_URL` names them all as a
/// comma-separated host list (`amqps://crm:secret@broker-1,broker-2:5673,broker-3/evn`), the
/// scheme, user, password and vhost shared, each host with its own port or the scheme's
/// default. A URL with one host is a one-node broker, as before.
///
/// Which node a component uses is shared by every connection made from the same settings:
/// a node that refused a connection or lost one is passed over until the others have been
/// tried, so the relay, the consumer and the look-ups move together to a node that answers.
public final class BrokerNodes: Sendable, CustomStringConvertible {
    /// Every node, in the order given.
    public let urls: [AMQPURL]
    private let current = Mutex(0)

    /// - Precondition: `urls` is not empty.
    public init(_ urls: [AMQPURL]) {
        precondition(!urls.isEmpty, "a broker has at least one node")
        self.urls = urls
    }

    /// A single node.
    public convenience init(_ url: AMQPURL) {
        self.init([url])
    }

    /// Parses an AMQP URL with one host or several; throws `AMQPError.invalidURL` for the first
    /// host that does not make a valid URL (showing it without its password).
    public convenience init(_ string: String) throws {
        let hosts = Self.hostList(in: string)
        let entries = string[hosts].split(separator: ",", omittingEmptySubsequences: false)
        let urls = try entries.map { entry in
            try AMQPURL(string.replacingCharacters(in: hosts, with: entry))
        }
        self.init(urls)
    }

    /// The node to try first: the last one that took a connection, or the one after a node
    /// that failed.
    public var preferred: AMQPURL {
        urls[current.withLock { $0 }]
    }

    /// Every node, starting with ``preferred`` and going round.
    var rotation: [AMQPURL] {
        let start = current.withLock { $0 }
        return (0..<urls.count).map { urls[(start + $0) % urls.count] }
    }

    /// Remembers that `url` took a connection: the next connection starts there.
    func connected(to url: AMQPURL) {
        guard let index = urls.firstIndex(of: url) else { return }
        current.withLock { $0 = index }
    }

    /// Remembers that `url` failed (refused a connection or lost one): unless another
    /// connection has already moved on, the next one starts at the node after it.
    package func failed(_ url: AMQPURL) {
        guard let index = urls.firstIndex(of: url) else { return }
        current.withLock { if $0 == index { $0 = (index + 1) % urls.count } }
    }

    /// The nodes without their password, fit for logs.
    public var description: String {
        urls.map(\.description).joined(separator: ", ")
    }

    /// Where the host list stands in `string`: after the scheme and any `user:password@`, up to
    /// the path. A string with no scheme yields the whole string, which then fails to parse.
    private static func hostList(in string: String) -> Range<String.Index> {
        guard let scheme = string.range(of: "://") else { return string.startIndex..<string.endIndex }
        let authorityEnd = string[scheme.upperBound...].firstIndex { "/?#".contains($0) } ?? string.endIndex
        let authority = scheme.upperBound..<authorityEnd
        let hostsStart = string[authority].lastIndex(of: "@").map { string.index(after: $0) } ?? scheme.upperBound
        return hostsStart..<authorityEnd
    }
}
