import Attachments
import Hummingbird
import ServiceKit
import StaffAuth

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
    let papers: DossierPapers

    func register(on router: Router<ServiceRequestContext>) {
        router.post("api/v1/dossiers/:id/attachments") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            let dossier = try await program.dossier(id: try context.parameters.require("id"), by: claims)
            var request = request
            let upload = try await request.multipartUpload(within: papers.limits)
            return try Response.json(Answer(attachments: try await papers.attach(upload, to: dossier, by: claims)),
                                     status: .created)
        }
        router.get("api/v1/dossiers/:id/attachments") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            let dossier = try await program.dossier(id: try context.parameters.require("id"), by: claims)
            return try Response.json(Answer(attachments: try await papers.list(dossier)))
        }
        router.get("api/v1/dossier-attachments/:attachmentId") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            let (attachment, bytes) = try await papers.file(try context.parameters.require("attachmentId"), by: claims)
            return attachment.download(bytes)
        }
    }
}
