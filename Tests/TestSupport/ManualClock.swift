import Foundation
import ServiceKit

/// A clock a test sets by hand, so the instants a service stamps and the limits it measures
/// from them are known in advance.
public final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) {
        current = start
    }

    public var now: Date {
        lock.withLock { current }
    }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }

    /// Moves the clock on by `interval`.
    public func advance(_ interval: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(interval) }
    }

    /// This clock as the service reads it (``ServiceContext/clock``): what it reads moves
    /// whenever the test moves this one.
    public var wallClock: WallClock {
        WallClock { self.now }
    }
}
