#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport

/// One TCP connection to a server on 127.0.0.1, driven byte by byte as a slow, idle or
/// hostile client would, which an HTTP client library never does.
///
/// Every wait runs on a thread of its own, so that a test holding hundreds of these never
/// blocks the concurrency pool that the server under test answers on.
final class RawConnection: Sendable {
    private let socket: Int32

    /// Connects; the server may not have accepted the connection yet (its listen queue holds it).
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw FixtureError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        // Not closed here: an initializer that throws once every property is set still runs
        // `deinit`, which closes it. Closing it twice could close a descriptor the server under
        // test has been given since, and SwiftNIO stops the process on the bad descriptor.
        guard connected == 0 else { throw FixtureError("connect to 127.0.0.1:\(port) failed: errno \(errno)") }
    }

    deinit {
        close(socket)
    }

    /// Sends `text`; false when the server has closed the connection.
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// What the server sent within `timeout`, and whether it closed the connection by then;
    /// reading stops at the close, or as soon as what arrived is `complete`.
    func read(for timeout: Duration, complete: @escaping @Sendable (String) -> Bool = { _ in false })
        async -> (text: String, closed: Bool) {
        await onOwnThread { self.readBlocking(until: ContinuousClock.now + timeout, complete: complete) }
    }

    /// Runs `work` on a new thread and returns its result.
    func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    /// Blocks until the server closes the connection, what arrived is `complete`, or `deadline` passes.
    func readBlocking(until deadline: ContinuousClock.Instant, complete: (String) -> Bool = { _ in false })
        -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline - ContinuousClock.now
            let text = String(decoding: received, as: UTF8.self)
            guard left > .zero, !complete(text) else { return (text, false) }
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&poller, 1, max(1, milliseconds)) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer[0..<count]
        }
    }
}
