import Attachments
import Contracts
import Foundation
import GRDB

/// The papers a customer attached to a request, as intake announced them
/// (`intake.attachment.added`): what the ticket page lists. The files stay in intake; crm keeps
/// only what names them, and links each to intake's staff download.
enum RequestAttachments {
    /// One attached file, without its bytes.
    struct Listed: Sendable, Equatable {
        var attachmentId: String
        var kind: AttachmentKind
        var contentType: String
        var byteCount: Int
        var channel: Channel
        var addedAt: Date
    }

    /// Records the announced file once, however often the event is delivered.
    static func record(_ added: AttachmentAdded, in db: Database) throws {
        try RequestAttachmentRow(added).insert(db, onConflict: .ignore)
    }

    /// The files of request `requestCode`, oldest first.
    static func of(_ requestCode: String, in db: Database) throws -> [Listed] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM crm_attachments WHERE request_code = ? ORDER BY added_at, attachment_id
            """), arguments: [requestCode]).map { row in
            Listed(attachmentId: row["attachment_id"], kind: AttachmentKind(rawValue: row["kind"]) ?? .other,
                   contentType: row["content_type"], byteCount: row["byte_count"],
                   channel: Channel(rawValue: row["channel"]) ?? .web, addedAt: Date(timeIntervalSince1970: row["added_at"]))
        }
    }
}
