import Attachments
import Foundation
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// The papers a unit's officers keep with a dossier (ID card, household book, residence
/// confirmation): one use case for the API and the dossier's page, so an upload is checked
/// the same way wherever it comes from, and a file opens only for staff who may see its dossier.
struct DossierPapers: Sendable {
    let dossier: ViewDossier
    let attachments: DossierAttachments
    let clock: WallClock

    /// The size and count limits, which the edge reads the upload's body within.
    var limits: AttachmentLimits { attachments.limits }

    /// Keeps the files of `upload` under its `kind` with `dossier`, which the caller opened for
    /// `claims` (``ViewDossier``, the unit check).
    ///
    /// - Throws: ``HouseholdsRefusal/invalid(_:)`` with a field error for a missing or unknown kind, for each
    ///   file that is not a JPEG, PNG or PDF by its content or is too large, and for the count.
    func attach(_ upload: MultipartUpload, to dossier: DossierView, by claims: StaffClaims) async throws
        -> [DossierAttachments.Kept] {
        var validation = Validation()
        let kind = validation.required("kind", upload.fields["kind"]) { (text: String) throws(AttachmentProblem) in
            guard let kind = AttachmentKind(rawValue: text) else { throw .unknownKind }
            return kind
        }
        guard let kind, validation.isValid else { throw HouseholdsRefusal.invalid(ValidationFailure(errors: validation.errors)) }
        return try await attachments.add(upload.files.map { ("file", kind, $0.bytes) }, to: dossier.dossierId,
                                         by: claims.staffId, at: clock.preciseNow())
    }

    /// The papers of `dossier`, which the caller opened for the staff member asking, oldest first.
    func list(_ dossier: DossierView) async throws -> [DossierAttachments.Kept] {
        try await attachments.list(dossier.dossierId)
    }

    /// The paper `attachmentId` and its bytes, opened, for staff who may see its dossier.
    ///
    /// - Throws: ``HouseholdsRefusal/attachmentNotFound`` for an unknown id; ``HouseholdsRefusal/otherUnit`` for
    ///   another unit's dossier.
    func file(_ attachmentId: String, by claims: StaffClaims) async throws -> (attachment: DossierAttachments.Kept, bytes: Data) {
        guard let (attachment, bytes) = try await attachments.file(attachmentId) else {
            throw HouseholdsRefusal.attachmentNotFound
        }
        _ = try await dossier(id: attachment.dossierId, by: claims)
        return (attachment, bytes)
    }
}
