import Foundation
import Hummingbird
import VietnameseIdentity

/// A refused request as the client sees it: a status and `{"errors": [FieldError…]}`.
///
/// Every service's API refuses in this one shape, field errors and whole-body problems alike
/// (the latter with `field` empty), so the portal, the call-centre screen and the staff tools
/// handle one format and always have a Vietnamese and an English text to show.
public struct APIError: HTTPResponseError {
    public let status: HTTPResponse.Status
    public let errors: [FieldError]

    public init(status: HTTPResponse.Status, errors: [FieldError]) {
        self.status = status
        self.errors = errors
    }

    /// One problem, about `field` (empty: the request as a whole).
    public init(status: HTTPResponse.Status, field: String = "", code: String, vi: String, en: String) {
        self.init(status: status, errors: [FieldError(field: field, code: code, message: LocalizedMessage(vi: vi, en: en))])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try Response.json(ValidationFailure(errors: errors), status: status)
    }

    /// 422: the body is well-formed but fields are invalid.
    public static func invalid(_ failure: ValidationFailure) -> APIError {
        APIError(status: .unprocessableContent, errors: failure.errors)
    }

    /// 413: the body is larger than the endpoint takes.
    public static func tooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "body.too_large",
                 vi: "Nội dung yêu cầu vượt quá \(limit / 1024) KiB",
                 en: "The request body is larger than \(limit / 1024) KiB")
    }

    /// 400: the body is not JSON, or a field has the wrong JSON type (named in `field` when known).
    public static func malformed(field: String) -> APIError {
        field.isEmpty
            ? APIError(status: .badRequest, code: "body.malformed_json",
                       vi: "Nội dung yêu cầu không phải JSON hợp lệ",
                       en: "The request body is not valid JSON")
            : APIError(status: .badRequest, field: field, code: "body.wrong_type",
                       vi: "Trường này thiếu hoặc có kiểu dữ liệu không đúng",
                       en: "This field is missing or has the wrong JSON type")
    }

    /// 404: nothing answers to what the path names (`what` in both languages, e.g. "phiếu" / "ticket").
    public static func notFound(vi: String, en: String) -> APIError {
        APIError(status: .notFound, code: "not_found", vi: "Không tìm thấy \(vi)", en: "No such \(en)")
    }

    /// 409: the record is not in a state that allows the action.
    public static func conflict(code: String, vi: String, en: String) -> APIError {
        APIError(status: .conflict, code: code, vi: vi, en: en)
    }
}
