import Foundation
import VietnameseIdentity

/// Why intake refuses a customer's step on a request they name by its code and phone:
/// tracking it, reading or signing its contract, asking for a new signing code, attaching
/// papers. Every edge (the API, the portal, an SMS) says it in its own way.
enum RequestRefusal: Error, Equatable, Sendable {
    /// The customer can fix it: each problem beside its field.
    case refused(RequestProblem)
    /// The customer has to wait before trying again.
    case throttled(Throttle)
}

/// A refusal the customer can act on: a field to correct, or a request or contract in a state
/// that does not allow the step.
enum RequestProblem: Equatable, Sendable {
    /// Fields of the form are invalid.
    case invalid([FieldError])
    /// No request has this code with this phone; which of the two was wrong is never told.
    case notFound
    case contractNotDrafted
    case contractAlreadySigned
    /// No signed copy to give: the contract is not signed yet.
    case contractNotSigned
    case wrongSigningCode(attemptsLeft: Int)
    /// Locked after ``SigningPolicy/maximumWrongAttempts`` wrong codes.
    case signingCodeLocked
    case signingCodeExpired

    /// What the customer is told, each at its field ("" for the request as a whole).
    var errors: [FieldError] {
        switch self {
        case .invalid(let errors):
            errors
        case .notFound:
            [FieldError(field: "", code: "not_found", message: LocalizedMessage(
                vi: "Không tìm thấy yêu cầu với mã và số điện thoại này",
                en: "No such request with this code and phone number"))]
        case .contractNotDrafted:
            [FieldError(field: "", code: "contract.not_drafted", message: LocalizedMessage(
                vi: "Hợp đồng của yêu cầu này chưa sẵn sàng để ký",
                en: "The contract of this request is not ready to sign yet"))]
        case .contractAlreadySigned:
            [FieldError(field: "", code: "contract.already_signed", message: LocalizedMessage(
                vi: "Hợp đồng của yêu cầu này đã được ký",
                en: "The contract of this request is already signed"))]
        case .contractNotSigned:
            [FieldError(field: "", code: "contract.not_signed", message: LocalizedMessage(
                vi: "Hợp đồng của yêu cầu này chưa được ký",
                en: "The contract of this request is not signed yet"))]
        case .wrongSigningCode(let attemptsLeft):
            [FieldError(field: "signingCode", code: "signing_code.wrong", message: LocalizedMessage(
                vi: "Mã ký hợp đồng không đúng; bạn còn \(attemptsLeft) lần thử",
                en: "The signing code is wrong; \(attemptsLeft) attempt\(attemptsLeft == 1 ? "" : "s") left"))]
        case .signingCodeLocked:
            [FieldError(field: "signingCode", code: "signing_code.locked", message: LocalizedMessage(
                vi: "Mã ký đã bị khóa vì nhập sai \(SigningPolicy.maximumWrongAttempts) lần; vui lòng yêu cầu mã mới",
                en: "The signing code is locked after \(SigningPolicy.maximumWrongAttempts) wrong attempts; please request a new code"))]
        case .signingCodeExpired:
            [FieldError(field: "signingCode", code: "signing_code.expired", message: LocalizedMessage(
                vi: "Mã ký đã hết hạn; vui lòng yêu cầu mã mới",
                en: "The signing code has expired; please request a new code"))]
        }
    }
}

/// A refusal that passes with time: the party is over an allowance and may come back later.
enum Throttle: Equatable, Sendable {
    /// The request code is closed to this client after ``RequestAccess/failureLimit`` wrong phones.
    case accessFailures
    /// ``SigningPolicy/maximumCodesPerHour`` codes went to this contract within the hour.
    case signingCodes(retryAfter: TimeInterval)
    /// The phone is not confirmed and has had its texts for the day (``PhoneMessageBudget``).
    case phoneBudget(PhoneBudgetSpent)
    /// Too many filings named this phone within the hour (``AbuseLimits``).
    case phoneFilings(retryAfter: TimeInterval)
}

/// Why a filing (a connection or a service request) was refused; nothing is stored.
enum FilingRefusal: Error, Equatable, Sendable {
    /// Fields of the form are invalid.
    case invalid([FieldError])
    /// A call-centre operator filed for another branch than their own, which `field` names.
    case otherUnit(field: String)
    case throttled(Throttle)
}
