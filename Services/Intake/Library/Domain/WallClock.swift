import Foundation

/// Where intake reads the time of day: the system clock in service, a chosen instant in tests.
///
/// Signing codes expire and failed look-ups age out, so the rules depend on "now"; reading it
/// through one value lets a test put the portal ten minutes ahead instead of sleeping.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    /// - Parameter read: gives the current instant.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// The current instant, to the whole second: every instant intake stores or sends is
    /// ISO-8601 with whole seconds, so what it compares is what it wrote.
    public func now() -> Date {
        Date(timeIntervalSince1970: read().timeIntervalSince1970.rounded(.down))
    }
}
