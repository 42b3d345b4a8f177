import Attachments
import Foundation
import Hummingbird
import ServiceKit

/// `POST /api/v1/requests/{code}/attachments`: the applicant attaches photos or scans of their
/// papers to their request (``PaperAttachment``), as a `multipart/form-data` form: `phone` (the
/// one registered with the request, which opens it as tracking does, ``RequestAccess``), `kind`
/// (an ``AttachmentKind``) and one or more `file` parts.
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

    let attachment: PaperAttachment
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            let client = try limits.admit(.access, request, context)
            var request = request
            let upload = try await request.multipartUpload(within: attachment.store.limits)
            let kept = try await attachment.attach(upload, to: context.parameters.require("code"), from: client).answered()
            return try Response.json(Answer(attachments: kept.map(Self.shown)), status: .created)
        }
    }

    static func shown(_ kept: KeptAttachment) -> Shown {
        Shown(attachmentId: kept.attachmentId, kind: kept.kind, contentType: kept.contentType.mediaType,
              byteCount: kept.byteCount, addedAt: kept.addedAt)
    }
}
