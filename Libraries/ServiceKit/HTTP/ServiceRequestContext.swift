import Hummingbird
import NIOCore

/// The request context of every service's routes: Hummingbird's basic context plus the
/// address of the peer that opened the connection.
///
/// The peer is what abuse limits count by and what decides whether forwarded headers are
/// believed (only from a configured trusted proxy), so every route needs it, not only some.
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer; nil where there is none (in-process tests).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
