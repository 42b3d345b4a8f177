import Foundation
import Hummingbird
import ServiceKit

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

    /// A portal form sent again, changed, after it had filed its request.
    static let formSentWithOtherDetails = APIError(
        status: .conflict, code: "form.already_sent",
        vi: "Biểu mẫu này đã được gửi trước đó với nội dung khác; vui lòng kiểm tra và gửi lại",
        en: "This form was already sent with other details; please check them and send it again")
}

/// Refusals of tracking and signing.
extension APIError {
    /// 404 for an unknown request code and for a wrong phone alike.
    static let requestNotFound = APIError.notFound(
        vi: "yêu cầu với mã và số điện thoại này", en: "request with this code and phone number")

    static let contractNotDrafted = APIError.conflict(
        code: "contract.not_drafted",
        vi: "Hợp đồng của yêu cầu này chưa sẵn sàng để ký",
        en: "The contract of this request is not ready to sign yet")

    static let contractAlreadySigned = APIError.conflict(
        code: "contract.already_signed",
        vi: "Hợp đồng của yêu cầu này đã được ký",
        en: "The contract of this request is already signed")

    static func wrongSigningCode(attemptsLeft: Int) -> APIError {
        APIError(status: .unprocessableContent, field: "signingCode", code: "signing_code.wrong",
                 vi: "Mã ký hợp đồng không đúng; bạn còn \(attemptsLeft) lần thử",
                 en: "The signing code is wrong; \(attemptsLeft) attempt\(attemptsLeft == 1 ? "" : "s") left")
    }

    static let signingCodeLocked = APIError(
        status: HTTPResponse.Status(code: 423, reasonPhrase: "Locked"), field: "signingCode", code: "signing_code.locked",
        vi: "Mã ký đã bị khóa vì nhập sai \(SigningPolicy.maximumWrongAttempts) lần; vui lòng yêu cầu mã mới",
        en: "The signing code is locked after \(SigningPolicy.maximumWrongAttempts) wrong attempts; please request a new code")

    static let signingCodeExpired = APIError(
        status: .gone, field: "signingCode", code: "signing_code.expired",
        vi: "Mã ký đã hết hạn; vui lòng yêu cầu mã mới",
        en: "The signing code has expired; please request a new code")

    static let scheduleUnavailable = APIError(
        status: .serviceUnavailable, code: "planned_outages.unavailable",
        vi: "Chưa tra cứu được lịch tạm ngừng cấp điện; vui lòng thử lại sau ít phút",
        en: "The planned-outage schedule cannot be looked up right now; please try again in a few minutes")

    static let supplyPointUnknown = APIError(
        status: .notFound, field: "customerCode", code: "customer_code.unknown",
        vi: "Không tìm thấy mã khách hàng này; vui lòng kiểm tra lại trên hóa đơn tiền điện",
        en: "This customer code is not known; please check it on your electricity bill")

    static let readingScheduleUnavailable = APIError(
        status: .serviceUnavailable, code: "reading_schedule.unavailable",
        vi: "Chưa tra cứu được lịch ghi chỉ số công tơ; vui lòng thử lại sau ít phút",
        en: "The meter-reading schedule cannot be looked up right now; please try again in a few minutes")

    static let pageNotFound = APIError.notFound(vi: "trang", en: "page")
}

/// Intake's 429s, each with `Retry-After`.
extension TooManyRequests {
    /// The request code is closed to this client after ``RequestAccess/failureLimit`` wrong
    /// phones; the wait is the whole window, the longest it can take.
    static var tooManyAccessFailures: TooManyRequests {
        TooManyRequests(code: "request.too_many_failures", retryAfter: RequestAccess.failureWindow,
                        vi: "Đã nhập sai quá nhiều lần với mã yêu cầu này",
                        en: "Too many failed attempts with this request code")
    }

    /// ``SigningPolicy/maximumCodesPerHour`` codes went to this contract within the hour.
    static func tooManySigningCodes(retryAfter: TimeInterval) -> TooManyRequests {
        TooManyRequests(code: "signing_code.too_many", retryAfter: retryAfter,
                        vi: "Đã gửi \(SigningPolicy.maximumCodesPerHour) mã trong một giờ qua",
                        en: "\(SigningPolicy.maximumCodesPerHour) codes were sent within the last hour")
    }

    /// The phone is not confirmed and has had its texts for the day (``PhoneMessageBudget``).
    static func phoneBudgetSpent(_ spent: PhoneBudgetSpent) -> TooManyRequests {
        TooManyRequests(
            code: "phone.unconfirmed_message_limit", retryAfter: spent.retryAfter,
            vi: "Số điện thoại này chưa được xác nhận và đã nhận đủ \(PhoneMessageBudget.messages) tin nhắn trong 24 giờ; "
                + "quý khách có thể gọi tổng đài để được hỗ trợ ngay",
            en: "This phone number is not confirmed and has had \(PhoneMessageBudget.messages) messages within 24 hours; "
                + "you can call the hotline for help right away",
            field: "phone")
    }
}

extension PhoneBudgetSpent {
    /// Runs `filing`, answering a spent phone budget with its 429.
    static func answered<T>(_ filing: () async throws -> T) async throws -> T {
        do {
            return try await filing()
        } catch let spent as PhoneBudgetSpent {
            throw TooManyRequests.phoneBudgetSpent(spent)
        }
    }
}
