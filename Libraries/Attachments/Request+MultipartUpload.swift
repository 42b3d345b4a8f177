import Hummingbird
import ServiceKit

extension Request {
    /// The body as a ``MultipartUpload``, at most as large as `limits` let the files be: 413
    /// (``APIError/tooLarge(limit:)``) beyond it, 400 (`body.not_multipart`) for a body that is
    /// not a `multipart/form-data` form.
    public mutating func multipartUpload(within limits: AttachmentLimits) async throws -> MultipartUpload {
        let limit = limits.maxUploadBytes
        let body: ByteBuffer
        do {
            body = try await collectBody(upTo: limit)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit)
        }
        do {
            return try MultipartUpload(body: body, contentType: headers[.contentType])
        } catch {
            throw APIError(status: .badRequest, code: "body.not_multipart",
                           vi: "Nội dung phải là biểu mẫu multipart/form-data có tệp đính kèm",
                           en: "The body must be a multipart/form-data form with the files")
        }
    }
}
