import Attachments
import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit
import VietnameseIdentity

/// The papers attached to requests, sealed at rest (``PersonalDataProtector/seal(bytes:)``):
/// a photo of an ID card is personal data, and the store alone never shows it.
///
/// A file is kept in one transaction with its `intake.attachment.added` event, and the count
/// limit is checked in that transaction, so two uploads at once never pass it together.
struct AttachmentStore: Sendable {
    let writer: GroupCommitWriter
    let database: DatabasePool
    let outbox: Outbox
    let personalData: PersonalDataProtector
    let limits: AttachmentLimits

    /// Checks `files` (``CheckedFile/checkAll(_:existing:limits:)``) against the files request
    /// `requestCode` already has, and keeps them.
    ///
    /// - Throws: ``ValidationFailure`` with a field error for each refused file and for the count.
    func add(_ files: [(field: String, kind: AttachmentKind, bytes: Data)], to requestCode: String, branchCode: String,
             channel: Channel, at now: Date) async throws -> [KeptAttachment] {
        let limits = limits
        return try await writer.write { db in
            let checked = try CheckedFile.checkAll(files, existing: try Self.count(of: requestCode, in: db), limits: limits)
            return try checked.map { try keep($0, requestCode: requestCode, branchCode: branchCode, channel: channel, at: now, in: db) }
        }
    }

    /// Keeps each of `files` that passes the checks, within the count, in the caller's
    /// transaction: a mail's files are kept as far as they can be, and the mail is filed whatever
    /// becomes of them. Returns how many were left out.
    func keepWhatPasses(_ files: [Data], requestCode: String, branchCode: String, channel: Channel, at now: Date,
                        in db: Database) throws -> Int {
        var room = limits.maxFiles - (try Self.count(of: requestCode, in: db))
        var leftOut = 0
        for bytes in files {
            guard room > 0, let file = try? CheckedFile(kind: .other, bytes: bytes, limits: limits) else {
                leftOut += 1
                continue
            }
            _ = try keep(file, requestCode: requestCode, branchCode: branchCode, channel: channel, at: now, in: db)
            room -= 1
        }
        return leftOut
    }

    /// The kept file with `id` and its bytes, opened; nil when there is none.
    func file(_ id: String) async throws -> (attachment: KeptAttachment, bytes: Data)? {
        guard id.count <= 64 else { return nil }
        let found = try await database.read { db -> (KeptAttachment, Data)? in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM intake_attachments WHERE attachment_id = ?"), arguments: [id])
                .map { (KeptAttachment($0), $0["content_sealed"]) }
        }
        guard let (attachment, sealed) = found else { return nil }
        return (attachment, try personalData.openBytes(sealed))
    }

    private func keep(_ file: CheckedFile, requestCode: String, branchCode: String, channel: Channel, at now: Date,
                      in db: Database) throws -> KeptAttachment {
        let kept = KeptAttachment(attachmentId: UUID().uuidString.lowercased(), requestCode: requestCode,
                                  branchCode: branchCode, kind: file.kind, contentType: file.contentType,
                                  byteCount: file.bytes.count, addedAt: now)
        try AttachmentRow(kept, channel: channel, contentSealed: personalData.seal(bytes: file.bytes)).insert(db)
        let event = AttachmentAdded(requestCode: requestCode, branchCode: branchCode, attachmentId: kept.attachmentId,
                                    kind: file.kind.rawValue, contentType: file.contentType.mediaType,
                                    byteCount: file.bytes.count, channel: channel, addedAt: now)
        try outbox.send(event, correlation: requestCode, at: now, in: db)
        return kept
    }

    private static func count(of requestCode: String, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM intake_attachments WHERE request_code = ?"),
                         arguments: [requestCode]) ?? 0
    }
}

/// A kept attachment as the customer is told of it and the branch downloads it; never its bytes.
struct KeptAttachment: Sendable, Codable, Equatable {
    var attachmentId: String
    var requestCode: String
    var branchCode: String
    var kind: AttachmentKind
    var contentType: AttachmentContentType
    var byteCount: Int
    var addedAt: Date

    init(attachmentId: String, requestCode: String, branchCode: String, kind: AttachmentKind,
         contentType: AttachmentContentType, byteCount: Int, addedAt: Date) {
        self.attachmentId = attachmentId
        self.requestCode = requestCode
        self.branchCode = branchCode
        self.kind = kind
        self.contentType = contentType
        self.byteCount = byteCount
        self.addedAt = addedAt
    }

    init(_ row: Row) {
        self.init(attachmentId: row["attachment_id"], requestCode: row["request_code"], branchCode: row["branch_code"],
                  kind: AttachmentKind(rawValue: row["kind"]) ?? .other,
                  contentType: AttachmentContentType(rawValue: row["content_type"]) ?? .pdf,
                  byteCount: row["byte_count"], addedAt: Date(timeIntervalSince1970: row["added_at"]))
    }

    /// The name a downloaded copy is saved under: the request's code, the kind and the id's start.
    var downloadName: String {
        "\(requestCode)-\(kind.rawValue)-\(attachmentId.prefix(8)).\(contentType.fileExtension)"
    }
}
