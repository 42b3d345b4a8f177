import Foundation

/// Runs blocking work on a thread of its own and lets async code await it.
///
/// librabbitmq and GRDB's synchronous API block; run on Swift's cooperative
/// pool they would starve every other task on a 2-core machine. Each AMQP
/// owner therefore gets one thread for its whole life.
enum DedicatedThread {
    static func run<T: Sendable>(name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = name
            thread.start()
        }
    }
}
