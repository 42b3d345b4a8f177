import Foundation

/// When repeated failed sign-ins lock an account or a client address out, and for how long.
///
/// Counting by account stops guessing one person's password; counting by client address stops
/// one machine trying a few passwords on many accounts. Failures are counted by the username
/// as typed, whether or not such an account exists, so a lock-out tells nobody which accounts do.
public struct LockoutPolicy: Sendable, Equatable {
    /// Failures of one username within ``window`` that lock it (`STAFF_SIGN_IN_ACCOUNT_FAILURES`).
    public let accountFailures: Int
    /// Failures from one client address within ``window`` that lock it (`STAFF_SIGN_IN_CLIENT_FAILURES`).
    public let clientFailures: Int
    /// How far back failures count (`STAFF_SIGN_IN_FAILURE_WINDOW`).
    public let window: TimeInterval
    /// How long a lock-out lasts from the failure that caused it (`STAFF_SIGN_IN_LOCKOUT`).
    public let lockout: TimeInterval

    public init(accountFailures: Int, clientFailures: Int, window: TimeInterval, lockout: TimeInterval) {
        self.accountFailures = accountFailures
        self.clientFailures = clientFailures
        self.window = window
        self.lockout = lockout
    }
}
