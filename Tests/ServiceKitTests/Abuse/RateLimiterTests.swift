import Foundation
import ServiceKit
import Testing

/// A party may spend its whole allowance at once, then waits for it to come back.
@Suite struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theAllowanceIsSpentThenRefusedWithTheWaitUntilTheNextRequest() {
        let limiter = RateLimiter(RateLimit(count: 3, period: 60))

        let answers = (0..<4).map { _ in limiter.admit("198.51.100.1", at: start) }

        #expect(answers == [.allowed, .allowed, .allowed, .refused(retryAfter: 20)])
        #expect(limiter.admit("198.51.100.2", at: start) == .allowed)
        #expect(limiter.admit("198.51.100.1", at: start + 19) != .allowed)
        #expect(limiter.admit("198.51.100.1", at: start + 20) == .allowed)
    }

    @Test func refusedRequestsDoNotPushTheWaitFurther() {
        let limiter = RateLimiter(RateLimit(count: 1, period: 3600))
        #expect(limiter.admit("a", at: start) == .allowed)
        for _ in 0..<100 { _ = limiter.admit("a", at: start + 10) }

        #expect(limiter.admit("a", at: start + 3600) == .allowed)
    }

    @Test func limitsAreWrittenAsCountPerPeriod() {
        #expect(RateLimit("30/1h") == RateLimit(count: 30, period: 3600))
        #expect(RateLimit("120/1m") == RateLimit(count: 120, period: 60))
        #expect(RateLimit("5/15m")?.description == "5/15m")
        #expect(RateLimit("10/30s") == RateLimit(count: 10, period: 30))
        for bad in ["", "0/1h", "30", "30/h", "30/1d", "-1/1m", "x/1m"] { #expect(RateLimit(bad) == nil) }
        #expect(throws: ConfigurationError.self) { try RateLimit.read("LIMIT", from: ["LIMIT": "many"], default: RateLimit(count: 1, period: 1)) }
    }
}
