import Foundation

/// Where a service reads the time of day: the system clock in service, a clock the test moves
/// in tests.
///
/// Signing codes expire, sessions go idle, failed attempts age out and reminders fall due, so
/// the rules depend on "now"; reading it through one value, handed to every part of a service
/// by ``ServiceContext/clock``, lets a test put the service ten minutes ahead instead of sleeping.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    /// - Parameter read: gives the current instant.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// The current instant, to the whole second, for instants stored or sent as ISO-8601 with
    /// whole seconds (every one intake keeps): what is compared later is what was written.
    public func now() -> Date {
        read().wholeSeconds
    }

    /// The current instant as read, with its fraction of a second: for stores that keep the
    /// fraction, log lines, and spans shorter than a second (a sending pace).
    public func preciseNow() -> Date {
        read()
    }
}
