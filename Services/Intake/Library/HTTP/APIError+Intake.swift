import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// Intake's own refusals, beside the ones every service shares (``APIError``).
extension APIError {
    static let invalidIdempotencyKey = APIError(
        status: .badRequest, field: IdempotencyKey.header, code: "idempotency_key.invalid",
        vi: "Idempotency-Key phải gồm 1 đến \(IdempotencyKey.maximumLength) ký tự ASCII in được",
        en: "Idempotency-Key must be 1 to \(IdempotencyKey.maximumLength) printable ASCII characters")

    static let idempotencyKeyReused = APIError(
        status: .conflict, field: IdempotencyKey.header, code: "idempotency_key.reused",
        vi: "Idempotency-Key này đã được dùng cho một yêu cầu khác",
        en: "This Idempotency-Key was already used for a different request")
}

/// Refusals of pages.
extension APIError {
    /// 404 for an unknown request code and for a wrong phone alike.
    static let requestNotFound = APIError(RequestProblem.notFound)

    static let pageNotFound = APIError.notFound(vi: "trang", en: "page")
}

/// How the API answers a refusal of intake's use cases.
extension APIError {
    init(_ problem: RequestProblem) {
        self.init(status: problem.status, errors: problem.errors)
    }
}

extension RequestProblem {
    /// The status a refusal is answered with, on the API and on the portal's pages alike.
    var status: HTTPResponse.Status {
        switch self {
        case .invalid, .wrongSigningCode: .unprocessableContent
        case .notFound: .notFound
        case .contractNotDrafted, .contractAlreadySigned, .contractNotSigned: .conflict
        case .signingCodeLocked: HTTPResponse.Status(code: 423, reasonPhrase: "Locked")
        case .signingCodeExpired: .gone
        }
    }
}

/// Intake's 429s, each with `Retry-After`.
extension TooManyRequests {
    init(_ throttle: Throttle) {
        switch throttle {
        case .accessFailures:
            // The wait is the whole window, the longest it can take.
            self.init(code: "request.too_many_failures", retryAfter: RequestAccess.failureWindow,
                      vi: "Đã nhập sai quá nhiều lần với mã yêu cầu này",
                      en: "Too many failed attempts with this request code")
        case .signingCodes(let wait):
            self.init(code: "signing_code.too_many", retryAfter: wait,
                      vi: "Đã gửi \(SigningPolicy.maximumCodesPerHour) mã trong một giờ qua",
                      en: "\(SigningPolicy.maximumCodesPerHour) codes were sent within the last hour")
        case .phoneBudget(let spent):
            self.init(
                code: "phone.unconfirmed_message_limit", retryAfter: spent.retryAfter,
                vi: "Số điện thoại này chưa được xác nhận và đã nhận đủ \(PhoneMessageBudget.messages) tin nhắn trong 24 giờ; "
                    + "quý khách có thể gọi tổng đài để được hỗ trợ ngay",
                en: "This phone number is not confirmed and has had \(PhoneMessageBudget.messages) messages within 24 hours; "
                    + "you can call the hotline for help right away",
                field: "phone")
        case .phoneFilings(let wait):
            self.init(code: "rate_limit.phone", retryAfter: wait,
                      vi: "Có quá nhiều yêu cầu ghi số điện thoại này", en: "Too many requests name this phone number",
                      field: "phone")
        }
    }
}

extension Result where Failure == RequestRefusal {
    /// The value, or the refusal as the API answers it.
    ///
    /// - Throws: ``APIError`` or ``TooManyRequests``.
    func answered() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(.refused(let problem)): throw APIError(problem)
        case .failure(.throttled(let throttle)): throw TooManyRequests(throttle)
        }
    }
}

extension LookupRefusal {
    /// The status a refusal is answered with, on the API.
    var status: HTTPResponse.Status {
        switch self {
        case .invalid: .unprocessableContent
        case .customerCodeUnknown, .meterHouseholdsUnknown: .notFound
        case .plannedOutagesUnavailable, .readingScheduleUnavailable, .meterHouseholdsUnavailable: .serviceUnavailable
        }
    }
}

extension Result where Failure == LookupRefusal {
    /// The answer, or the refusal as the API answers it.
    ///
    /// - Throws: ``APIError``.
    func answered() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal): throw APIError(status: refusal.status, errors: refusal.errors)
        }
    }
}

extension Result where Failure == FilingRefusal {
    /// The outcome, or the refusal as the API answers it.
    ///
    /// - Throws: ``APIError`` or ``TooManyRequests``.
    func answered() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(.invalid(let errors)): throw APIError.invalid(ValidationFailure(errors: errors))
        case .failure(.otherUnit(let field)): throw APIError.namedOtherUnit(field: field)
        case .failure(.throttled(let throttle)): throw TooManyRequests(throttle)
        }
    }
}
