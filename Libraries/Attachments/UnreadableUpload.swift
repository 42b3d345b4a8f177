import Hummingbird
import ServiceKit
import VietnameseIdentity

/// Why a request's body could not be read as a form of files: answered as the API answers
/// every refusal (``APIError``), and shown by a portal page beside its file input.
public enum UnreadableUpload: HTTPResponseError, Equatable {
    /// 413: larger than all the files together may be, `limit` bytes.
    case tooLarge(limit: Int)
    /// 400: not a `multipart/form-data` form.
    case notMultipart

    public var status: HTTPResponse.Status { refusal.status }

    /// What the client is told, about the body as a whole.
    public var errors: [FieldError] { refusal.errors }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try refusal.response(from: request, context: context)
    }

    private var refusal: APIError {
        switch self {
        case .tooLarge(let limit):
            .tooLarge(limit: limit)
        case .notMultipart:
            APIError(status: .badRequest, code: "body.not_multipart",
                     vi: "Nội dung phải là biểu mẫu multipart/form-data có tệp đính kèm",
                     en: "The body must be a multipart/form-data form with the files")
        }
    }
}
