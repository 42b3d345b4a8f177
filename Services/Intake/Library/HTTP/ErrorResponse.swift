import Foundation
import Hummingbird
import VietnameseIdentity

/// A refused request as the client sees it: a status and `{"errors": [FieldError…]}`.
///
/// Every refusal has the same shape, field errors and whole-body problems alike (the
/// latter with `field` empty), so the portal and the call-centre screen handle one format
/// and always have a Vietnamese and an English text to show.
struct ErrorResponse: HTTPResponseError {
    let status: HTTPResponse.Status
    let errors: [FieldError]

    init(status: HTTPResponse.Status, errors: [FieldError]) {
        self.status = status
        self.errors = errors
    }

    init(status: HTTPResponse.Status, field: String = "", code: String, vi: String, en: String) {
        self.init(status: status, errors: [FieldError(field: field, code: code, message: LocalizedMessage(vi: vi, en: en))])
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try Response.json(ValidationFailure(errors: errors), status: status)
    }

    /// 422: the body is well-formed but fields are invalid.
    static func invalid(_ failure: ValidationFailure) -> ErrorResponse {
        ErrorResponse(status: .unprocessableContent, errors: failure.errors)
    }

    static func tooLarge(limit: Int) -> ErrorResponse {
        ErrorResponse(status: .contentTooLarge, code: "body.too_large",
                      vi: "Nội dung yêu cầu vượt quá \(limit / 1024) KiB",
                      en: "The request body is larger than \(limit / 1024) KiB")
    }

    /// 400: the body is not JSON, or a field has the wrong JSON type (named in `field` when known).
    static func malformed(field: String) -> ErrorResponse {
        field.isEmpty
            ? ErrorResponse(status: .badRequest, code: "body.malformed_json",
                            vi: "Nội dung yêu cầu không phải JSON hợp lệ",
                            en: "The request body is not valid JSON")
            : ErrorResponse(status: .badRequest, field: field, code: "body.wrong_type",
                            vi: "Trường này có kiểu dữ liệu không đúng",
                            en: "This field has the wrong JSON type")
    }

    static let invalidIdempotencyKey = ErrorResponse(
        status: .badRequest, field: SubmissionEndpoint.idempotencyHeader, code: "idempotency_key.invalid",
        vi: "Idempotency-Key phải gồm 1 đến \(SubmissionEndpoint.maximumIdempotencyKeyLength) ký tự ASCII in được",
        en: "Idempotency-Key must be 1 to \(SubmissionEndpoint.maximumIdempotencyKeyLength) printable ASCII characters")

    static let idempotencyKeyReused = ErrorResponse(
        status: .conflict, field: SubmissionEndpoint.idempotencyHeader, code: "idempotency_key.reused",
        vi: "Idempotency-Key này đã được dùng cho một yêu cầu khác",
        en: "This Idempotency-Key was already used for a different request")
}
