import Attachments
import Foundation
import Hummingbird
import ServiceKit
import WebPages

/// A dossier's papers on its page: the list with a download link each, and the form that
/// uploads one more, checked by the API's use case (``DossierPapers``).
extension HouseholdPages {
    /// `POST /ho-dung-chung/ho-so/{dossierId}/giay-to`: the form's kind and file, kept; the
    /// dossier's page again, with what was kept or each error beside its field.
    func attachPaper(_ request: Request, dossierId: String, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        var chosen: String?
        do {
            let dossier = try await program.dossier(id: dossierId.uppercased(), by: staff.claims)
            var request = request
            let upload = try await request.multipartUpload(within: papers.limits)
            chosen = upload.fields["kind"]
            let kept = try await papers.attach(upload, to: dossier, by: staff.claims)
            return try await dossierPage(request, id: dossierId, staff: staff, paperKind: chosen, extra: [
                "papersKept": kept.map { Self.shown(paper: $0, in: language) }, "hasKept": !kept.isEmpty,
            ], status: .created)
        } catch let unreadable as UnreadableUpload {
            // A body too large or not a form: said beside the file input.
            return try await dossierPage(request, id: dossierId, staff: staff,
                                         errors: FieldMessages(unreadable.errors, in: language, wholeRequestAt: "file"),
                                         status: unreadable.status)
        } catch {
            guard let refusal = APIError(refusing: error) else { throw error }
            return try await dossierPage(request, id: dossierId, staff: staff, paperKind: chosen,
                                         errors: FieldMessages(refusal.errors, in: language, wholeRequestAt: "file"),
                                         status: refusal.status)
        }
    }

    /// `GET /ho-dung-chung/giay-to/{attachmentId}`: the paper's bytes as a download, for staff
    /// who may see its dossier (403 for another unit's, 404 for an unknown id, as the API).
    func downloadPaper(id: String, staff: SignedInStaff) async throws -> Response {
        let (attachment, bytes) = try await papers.file(id, by: staff.claims)
        return attachment.download(bytes)
    }

    /// The papers' list of `dossier` and the upload form's choices, the kind `chosen` (the
    /// refused form's) selected.
    func paperValues(of dossier: DossierView, chosen: String?, errors: FieldMessages,
                     in language: PageLanguage) async throws -> [String: Any] {
        let kept = try await papers.list(dossier)
        let chosenKind = chosen.flatMap(AttachmentKind.init(rawValue:)) ?? .idCard
        return Self.values([
            "papers": kept.map { Self.shown(paper: $0, in: language) },
            "noPapers": kept.isEmpty,
            "paperKinds": AttachmentKind.allCases.map { kind -> [String: Any] in
                ["value": kind.rawValue, "label": language.pick(kind.shown.vi, kind.shown.en), "selected": kind == chosenKind]
            },
            "kindError": errors["kind"], "fileError": errors["file"],
        ])
    }

    /// A kept paper as the page shows it: its kind in `language`'s words, its type and size,
    /// when and by whom it was added, and its download link.
    static func shown(paper: DossierAttachments.Kept, in language: PageLanguage) -> [String: Any] {
        ["id": paper.attachmentId, "label": language.pick(paper.kind.shown.vi, paper.kind.shown.en),
         "type": AttachmentContentType.shown(mediaType: paper.contentType),
         "size": FileSize.shown(paper.byteCount), "when": ShownTime.dayAndTime(paper.addedAt), "by": paper.addedBy,
         "href": "/ho-dung-chung/giay-to/\(paper.attachmentId)"]
    }
}
