import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request has not arrived whole within a deadline of its head.
///
/// Hummingbird's idle timeout cuts a connection that sends nothing, and one still sending its
/// head; a client that sends a head and then trickles the body a byte at a time stays "active"
/// for it. This handler bounds the whole body instead, so such a client holds a connection
/// (one of ``HTTPLimits/maxConnections``) for ``HTTPLimits/readTimeout`` at most.
final class RequestReadDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline?.cancel()
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                context.close(promise: nil)
            }
        case .body:
            break
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
