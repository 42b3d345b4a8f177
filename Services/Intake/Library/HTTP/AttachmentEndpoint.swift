import Attachments
import Contracts
import Foundation
import Hummingbird
import Logging
import ServiceKit
import VietnameseIdentity

/// `POST /api/v1/requests/{code}/attachments`: the applicant attaches photos or scans of their
/// papers to their request, as a `multipart/form-data` form: `phone` (the one registered with
/// the request, which opens it as tracking does, ``RequestAccess``), `kind` (an
/// ``AttachmentKind``) and one or more `file` parts.
///
/// 201 with the files kept, each announced as `intake.attachment.added`; 404 for an unknown
/// code or a wrong phone; 422 with a field error for each file that is not a JPEG, PNG or PDF by
/// its content, is larger than `ATTACHMENT_MAX_BYTES`, or would take the request past
/// `ATTACHMENT_MAX_FILES`; 413 for a body larger than all of them could be; 400 for a body that
/// is not a multipart form; 429 as ``AbuseLimits`` and ``RequestAccess`` decide.
struct AttachmentEndpoint: Sendable {
    static let path = "api/v1/requests/:code/attachments"

    /// What the customer is told: the files kept by this upload.
    struct Answer: Codable, Sendable {
        var attachments: [Shown]
    }

    /// One kept file, without its bytes.
    struct Shown: Codable, Sendable {
        var attachmentId: String
        var kind: AttachmentKind
        var contentType: String
        var byteCount: Int
        var addedAt: Date
    }

    let access: RequestAccess
    let store: AttachmentStore
    let limits: AbuseLimits
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            let client = try limits.admit(.access, request, context)
            var request = request
            let upload = try await request.multipartUpload(within: store.limits)
            let kept = try await attach(upload, to: context.parameters.require("code"), from: client)
            return try Response.json(Answer(attachments: kept.map(Self.shown)), status: .created)
        }
    }

    /// Opens request `code` with the form's phone and keeps the form's files under its `kind`;
    /// the API's and the portal's upload alike.
    ///
    /// - Throws: ``APIError`` 422 for a bad phone, kind or file; 404 or 429 as ``RequestAccess`` decides.
    func attach(_ upload: MultipartUpload, to code: String, from client: ClientOrigin) async throws -> [KeptAttachment] {
        var validation = Validation()
        let phone = validation.required("phone", upload.fields["phone"], VietnamesePhoneNumber.init)
        let kind = validation.required("kind", upload.fields["kind"]) { (text: String) throws(AttachmentProblem) in
            guard let kind = AttachmentKind(rawValue: text) else { throw .unknownKind }
            return kind
        }
        guard let phone, let kind, validation.isValid else {
            throw APIError.invalid(ValidationFailure(errors: validation.errors))
        }
        let record = try await access.open(code, phone: phone, from: client)
        let kept = try await store.add(upload.files.map { ("file", kind, $0.bytes) }, to: record.requestCode,
                                       branchCode: record.branch.code, channel: .web, at: clock.now())
        logger.info("attachments kept", metadata: .request(record.requestCode, ["files": "\(kept.count)"]))
        return kept
    }

    static func shown(_ kept: KeptAttachment) -> Shown {
        Shown(attachmentId: kept.attachmentId, kind: kept.kind, contentType: kept.contentType.mediaType,
              byteCount: kept.byteCount, addedAt: kept.addedAt)
    }
}
