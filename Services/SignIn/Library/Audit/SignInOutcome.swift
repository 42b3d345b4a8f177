/// What became of one attempt at the sign-in, as the audit records it.
public enum SignInOutcome: String, Sendable, Codable, CaseIterable {
    case signedIn = "signed_in"
    /// A wrong username or password (or the directory could not tell).
    case failed
    /// A failure that reached a limit and started a lock-out of the account, the client or both.
    case lockedOut = "locked_out"
    /// An attempt refused because a lock-out was running; its password was not checked.
    case refusedWhileLockedOut = "refused_while_locked_out"
    /// A session presented for renewal after it had ended, gone idle or reached its limit.
    case renewalRefused = "renewal_refused"
    case signedOut = "signed_out"
}
