import BenchmarkSupport
import Foundation
import Messaging

/// The broker address as plain strings, for the raw librabbitmq side.
struct BenchmarkURL {
    let host: String
    let port: Int
    let user: String
    let password: String
    let vhost: String

    init(_ url: AMQPURL) {
        host = url.host
        port = url.port
        user = url.user
        password = url.password
        vhost = url.vhost
    }
}

/// A thread whose result can be awaited synchronously.
final class BackgroundThread<T>: @unchecked Sendable {
    // Written once by the thread before `done` is signalled, read only after.
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    static func run(_ body: @escaping @Sendable () throws -> T) -> BackgroundThread<T> {
        let thread = BackgroundThread<T>()
        let worker = Thread {
            thread.result = Result { try body() }
            thread.done.signal()
        }
        worker.start()
        return thread
    }

    @discardableResult
    func wait() throws -> T {
        done.wait()
        return try result!.get()
    }
}

/// What the kernel says about this process's memory.
enum ProcessMemory {
    /// Current resident set size in MiB.
    static var residentMiB: Double { field("VmRSS") }
    /// Peak resident set size in MiB since the process started.
    static var peakMiB: Double { field("VmHWM") }

    private static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }
}
