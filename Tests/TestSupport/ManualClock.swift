import Foundation
import ServiceKit
import Synchronization

/// A clock a test sets by hand, so the instants a service stamps and the limits it measures
/// from them are known in advance.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public var now: Date {
        current.withLock { $0 }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }

    /// Moves the clock on by `interval`.
    public func advance(_ interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// This clock as the service reads it (``ServiceContext/clock``): what it reads moves
    /// whenever the test moves this one.
    public var wallClock: WallClock {
        WallClock { self.now }
    }
}
