import Hummingbird
import ServiceKit

extension Request {
    /// The body as a ``MultipartUpload``, at most as large as `limits` let the files be.
    ///
    /// - Throws: ``UnreadableUpload`` beyond the size (413) and for a body that is not a
    ///   `multipart/form-data` form (400).
    public mutating func multipartUpload(within limits: AttachmentLimits) async throws -> MultipartUpload {
        let limit = limits.maxUploadBytes
        let body: ByteBuffer
        do {
            body = try await collectBody(upTo: limit)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw UnreadableUpload.tooLarge(limit: limit)
        }
        do {
            return try MultipartUpload(body: body, contentType: headers[.contentType])
        } catch {
            throw UnreadableUpload.notMultipart
        }
    }
}
