/// How often a failing handler is tried before its message is dead-lettered, and how the
/// consumer waits for a store that cannot take writes (which no attempt is counted against).
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var backoff: Backoff
    /// Between two tries of a store that was locked, full or failing.
    public var storeBackoff: Backoff

    public init(maxAttempts: Int = 5, backoff: Backoff = .retry, storeBackoff: Backoff = .store) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
        self.storeBackoff = storeBackoff
    }
}
