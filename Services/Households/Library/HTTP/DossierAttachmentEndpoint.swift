import Attachments
import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// A dossier's papers (household registration book, residence confirmation), for the officers
/// of its unit (duty `households`); corporation staff for every unit's.
///
/// | route | answers |
/// |---|---|
/// | `POST /api/v1/dossiers/{id}/attachments` | multipart `kind` and `file` parts: 201 the files kept; 422 per refused file (not a JPEG, PNG or PDF by content, over `ATTACHMENT_MAX_BYTES`, beyond `ATTACHMENT_MAX_FILES`); 400 not multipart; 413 |
/// | `GET /api/v1/dossiers/{id}/attachments` | 200 `{"attachments": [...]}`, never the bytes |
/// | `GET /api/v1/dossier-attachments/{attachmentId}` | 200 the file, its sniffed type, as a download |
///
/// 401 without a valid token, 403 for another unit's dossier, 404 for an unknown one.
struct DossierAttachmentEndpoint: Sendable {
    struct Answer: Codable, Sendable {
        var attachments: [DossierAttachments.Kept]
    }

    let staff: StaffTokenVerifier
    let program: HouseholdsProgram
    let attachments: DossierAttachments

    func register(on router: Router<ServiceRequestContext>) {
        router.post("api/v1/dossiers/:id/attachments") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            let dossier = try await program.dossier(id: try context.parameters.require("id"), by: claims)
            var request = request
            let upload = try await request.multipartUpload(within: attachments.limits)
            var validation = Validation()
            let kind = validation.required("kind", upload.fields["kind"]) { (text: String) throws(AttachmentProblem) in
                guard let kind = AttachmentKind(rawValue: text) else { throw .unknownKind }
                return kind
            }
            guard let kind, validation.isValid else { throw APIError.invalid(ValidationFailure(errors: validation.errors)) }
            let kept = try await attachments.add(upload.files.map { ("file", kind, $0.bytes) }, to: dossier.dossierId,
                                                 by: claims.staffId, at: program.clock.preciseNow())
            return try Response.json(Answer(attachments: kept), status: .created)
        }
        router.get("api/v1/dossiers/:id/attachments") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            let dossier = try await program.dossier(id: try context.parameters.require("id"), by: claims)
            return try Response.json(Answer(attachments: try await attachments.list(dossier.dossierId)))
        }
        router.get("api/v1/dossier-attachments/:attachmentId") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            guard let (attachment, bytes) = try await attachments.file(try context.parameters.require("attachmentId")) else {
                throw APIError.notFound(vi: "tệp đính kèm", en: "attachment")
            }
            _ = try await program.dossier(id: attachment.dossierId, by: claims)
            let name = "\(attachment.dossierId)-\(attachment.kind.rawValue)-\(attachment.attachmentId.prefix(8))"
                + ".\(AttachmentContentType(rawValue: attachment.contentType)?.fileExtension ?? "bin")"
            return Response(status: .ok,
                            headers: [.contentType: attachment.contentType,
                                      .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
