import Foundation
import Hummingbird

/// 429: a party went over an abuse limit. The API's error shape (``APIError``) with
/// `Retry-After` in whole seconds, so a well-behaved client knows when to come back.
public struct TooManyRequests: HTTPResponseError {
    /// The bilingual refusal.
    public let refusal: APIError
    /// Seconds until a retry can succeed, 1 or more.
    public let retryAfter: Int

    public var status: HTTPResponse.Status { .tooManyRequests }

    /// A 429 whose message tells the wait in both languages.
    ///
    /// - Parameters:
    ///   - code: The stable error code, e.g. `rate_limit.client`.
    ///   - retryAfter: Seconds until a retry can succeed; rounded up to whole seconds, at least 1.
    ///   - vi: What was refused, in Vietnamese, without the wait (e.g. "Quá nhiều yêu cầu từ địa chỉ của bạn").
    ///   - en: The same in English.
    public init(code: String, retryAfter: TimeInterval, vi: String, en: String, field: String = "") {
        let seconds = max(1, Int(retryAfter.rounded(.up)))
        self.retryAfter = seconds
        refusal = APIError(status: .tooManyRequests, field: field, code: code,
                           vi: "\(vi); vui lòng thử lại sau \(Self.wait(seconds, vietnamese: true))",
                           en: "\(en); please try again in \(Self.wait(seconds, vietnamese: false))")
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try refusal.response(from: request, context: context)
        response.headers[.retryAfter] = "\(retryAfter)"
        return response
    }

    /// A wait as people say it: seconds under two minutes, else minutes, else hours.
    static func wait(_ seconds: Int, vietnamese: Bool) -> String {
        let (amount, vi, en) = seconds < 120 ? (seconds, "giây", "second")
            : seconds < 7200 ? ((seconds + 59) / 60, "phút", "minute") : ((seconds + 3599) / 3600, "giờ", "hour")
        return vietnamese ? "\(amount) \(vi)" : "\(amount) \(en)\(amount == 1 ? "" : "s")"
    }
}
