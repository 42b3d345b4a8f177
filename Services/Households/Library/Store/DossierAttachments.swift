import Attachments
import Foundation
import GRDB
import PersonalData
import ServiceKit
import VietnameseIdentity

/// The papers kept with a dossier — the household registration book, the commune's residence
/// confirmation — sealed at rest (``PersonalDataProtector/seal(bytes:)``), for the officers
/// of the dossier's unit. The count limit is checked in the transaction that keeps the files.
struct DossierAttachments: Sendable {
    /// A kept file, without its bytes.
    struct Kept: Sendable, Codable, Equatable {
        var attachmentId: String
        var dossierId: String
        var kind: AttachmentKind
        var contentType: String
        var byteCount: Int
        var addedBy: String
        var addedAt: Date
    }

    let writer: GroupCommitWriter
    let database: DatabasePool
    let personalData: PersonalDataProtector
    let limits: AttachmentLimits

    /// Checks and keeps `files` with dossier `dossierId`, added by `staffId`.
    ///
    /// - Throws: ``HouseholdsRefusal/invalid(_:)`` with a field error for each refused file and for the count.
    func add(_ files: [(field: String, kind: AttachmentKind, bytes: Data)], to dossierId: String, by staffId: String,
             at now: Date) async throws -> [Kept] {
        let (limits, personalData) = (limits, personalData)
        do {
            return try await writer.write { db in
                let existing = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM households_attachments WHERE dossier_id = ?"),
                                                arguments: [dossierId]) ?? 0
                return try CheckedFile.checkAll(files, existing: existing, limits: limits).map { file in
                    let kept = Kept(attachmentId: UUID().uuidString.lowercased(), dossierId: dossierId, kind: file.kind,
                                    contentType: file.contentType.mediaType, byteCount: file.bytes.count, addedBy: staffId,
                                    addedAt: now)
                    try DossierAttachmentRow(kept, contentSealed: personalData.seal(bytes: file.bytes)).insert(db)
                    return kept
                }
            }
        } catch let failure as ValidationFailure {
            throw HouseholdsRefusal.invalid(failure)
        }
    }

    /// The files of dossier `dossierId`, oldest first.
    func list(_ dossierId: String) async throws -> [Kept] {
        try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM households_attachments WHERE dossier_id = ? ORDER BY added_at, attachment_id
                """), arguments: [dossierId]).map(Self.kept)
        }
    }

    /// The kept file with `id` and its bytes, opened; nil when there is none.
    func file(_ id: String) async throws -> (attachment: Kept, bytes: Data)? {
        let found = try await database.read { db -> (Kept, Data)? in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM households_attachments WHERE attachment_id = ?"), arguments: [id])
                .map { (Self.kept($0), $0["content_sealed"]) }
        }
        guard let (attachment, sealed) = found else { return nil }
        return (attachment, try personalData.openBytes(sealed))
    }

    private static func kept(_ row: Row) -> Kept {
        Kept(attachmentId: row["attachment_id"], dossierId: row["dossier_id"],
             kind: AttachmentKind(rawValue: row["kind"]) ?? .other, contentType: row["content_type"],
             byteCount: row["byte_count"], addedBy: row["added_by"], addedAt: Date(timeIntervalSince1970: row["added_at"]))
    }
}
