/// How often a failing handler is tried before its message is dead-lettered.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var backoff: Backoff

    public init(maxAttempts: Int = 5, backoff: Backoff = .retry) {
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
    }
}
