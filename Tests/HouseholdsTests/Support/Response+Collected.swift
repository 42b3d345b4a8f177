import Foundation
import Hummingbird

extension Response {
    /// The body as a client receives it, written by the body's writer however it writes it.
    func collectedBody() async throws -> Data {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.bytes
    }
}

/// A response body writer that keeps what it is given.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var bytes = Data()

    func write(_ buffer: ByteBuffer) async throws {
        bytes.append(contentsOf: buffer.readableBytesView)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
