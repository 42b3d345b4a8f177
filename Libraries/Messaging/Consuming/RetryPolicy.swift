/// How often a failing handler is tried before its message is dead-lettered, and how the
/// consumer waits for a store that cannot take writes (which no attempt is counted against).
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var backoff: Backoff
    /// Between two tries of a store that was locked, full or failing.
    public var storeBackoff: Backoff
    /// A message the broker has already delivered this many times without an acknowledgement
    /// (the service stopped while handling it: a crash, an out-of-memory kill) is dead-lettered
    /// before it is handled again. It stays below the inbox's broker delivery limit, so the
    /// consumer, not the broker, files it: sealed and with its expiry, like every dead letter.
    public var redeliveryLimit: Int

    public init(maxAttempts: Int = 5, backoff: Backoff = .retry, storeBackoff: Backoff = .store,
                redeliveryLimit: Int = 10) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
        self.storeBackoff = storeBackoff
        self.redeliveryLimit = max(1, redeliveryLimit)
    }
}
