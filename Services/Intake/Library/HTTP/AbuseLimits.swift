import Foundation
import Hummingbird
import ServiceKit
import VietnameseIdentity

/// The rate limits of intake's anonymous endpoints, per client address and per phone number,
/// and of the messages each phone texts in.
///
/// Every route anyone can call counts against its client's allowance for that kind of use
/// (``Use``) before it does any work; a filing also counts against the phone it names, once
/// the form is valid. Over a limit the answer is 429 with `Retry-After` (``TooManyRequests``;
/// the portal shows it as a page). The client is ``ClientOrigin``'s: the connection's peer, or
/// a trusted proxy's `X-Forwarded-For`. These limits are in memory; the rule that outlives a
/// restart — at most three messages a day to a phone nobody confirmed — is the store's
/// (``PhoneMessageBudget``). Signed-in operators' routes are not counted: a call centre
/// files from one address all day.
struct AbuseLimits: Sendable {
    /// What a route is used for, each with its own allowance per client.
    enum Use: Sendable {
        /// Filing a request or an outage report: each one opens work and sends a text.
        case filing
        /// Opening a request with its code and phone (tracking, signing, a new signing code).
        case access
        /// Looking something up (planned outages, the reading schedule, a bill estimate, a receipt).
        case lookup
    }

    /// The limits as configured (see the README's table for the reasoning behind the defaults).
    struct Settings: Sendable, Equatable {
        var filingsPerClient = RateLimit(count: 30, period: 3600)
        var filingsPerPhone = RateLimit(count: 5, period: 3600)
        var accessPerClient = RateLimit(count: 60, period: 15 * 60)
        var lookupsPerClient = RateLimit(count: 120, period: 60)
        var smsPerPhone = RateLimit(count: 10, period: 3600)

        static let filingsPerClientVariable = "FILING_LIMIT_PER_CLIENT"
        static let filingsPerPhoneVariable = "FILING_LIMIT_PER_PHONE"
        static let accessPerClientVariable = "ACCESS_LIMIT_PER_CLIENT"
        static let lookupsPerClientVariable = "LOOKUP_LIMIT_PER_CLIENT"
        static let smsPerPhoneVariable = "SMS_LIMIT_PER_PHONE"

        init() {}

        /// - Throws: ``ConfigurationError`` naming a variable that is not a rate limit.
        init(environment: [String: String]) throws {
            let defaults = Settings()
            filingsPerClient = try RateLimit.read(Self.filingsPerClientVariable, from: environment,
                                                  default: defaults.filingsPerClient)
            filingsPerPhone = try RateLimit.read(Self.filingsPerPhoneVariable, from: environment,
                                                 default: defaults.filingsPerPhone)
            accessPerClient = try RateLimit.read(Self.accessPerClientVariable, from: environment,
                                                 default: defaults.accessPerClient)
            lookupsPerClient = try RateLimit.read(Self.lookupsPerClientVariable, from: environment,
                                                  default: defaults.lookupsPerClient)
            smsPerPhone = try RateLimit.read(Self.smsPerPhoneVariable, from: environment, default: defaults.smsPerPhone)
        }
    }

    let proxies: TrustedProxies
    let clock: WallClock
    private let filings: RateLimiter
    private let phones: RateLimiter
    private let access: RateLimiter
    private let lookups: RateLimiter
    private let texts: RateLimiter

    init(_ settings: Settings, proxies: TrustedProxies, clock: WallClock) {
        self.proxies = proxies
        self.clock = clock
        filings = RateLimiter(settings.filingsPerClient)
        phones = RateLimiter(settings.filingsPerPhone)
        access = RateLimiter(settings.accessPerClient)
        lookups = RateLimiter(settings.lookupsPerClient)
        texts = RateLimiter(settings.smsPerPhone)
    }

    /// Where `request` came from.
    func origin(_ request: Request, _ context: ServiceRequestContext) -> ClientOrigin {
        ClientOrigin(request, context: context, trusting: proxies)
    }

    /// Counts one `use` by the request's client.
    ///
    /// - Returns: The client, for what the route records against it.
    /// - Throws: ``TooManyRequests`` (`rate_limit.client`) over the client's allowance.
    @discardableResult
    func admit(_ use: Use, _ request: Request, _ context: ServiceRequestContext) throws -> ClientOrigin {
        let client = origin(request, context)
        let limiter = switch use {
        case .filing: filings
        case .access: access
        case .lookup: lookups
        }
        if case .refused(let wait) = limiter.admit(client.address, at: clock.now()) {
            throw TooManyRequests(code: "rate_limit.client", retryAfter: wait,
                                  vi: "Có quá nhiều yêu cầu từ địa chỉ mạng của bạn",
                                  en: "Too many requests came from your network address")
        }
        return client
    }

    /// Counts one filing naming `phone`: nil when admitted, else how long the phone must wait.
    func admitFiling(naming phone: VietnamesePhoneNumber) -> Throttle? {
        if case .refused(let wait) = phones.admit(phone.e164, at: clock.now()) { return .phoneFilings(retryAfter: wait) }
        return nil
    }

    /// Counts one message texted in by `phone`: beyond its allowance the message is not
    /// answered, so nobody makes the company text a number without end, and no pair of
    /// numbers answering each other's texts runs up a bill.
    func admitText(from phone: VietnamesePhoneNumber) -> Bool {
        if case .refused = texts.admit(phone.e164, at: clock.now()) { return false }
        return true
    }
}
