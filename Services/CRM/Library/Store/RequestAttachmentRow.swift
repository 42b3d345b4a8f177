import Contracts
import Foundation
import GRDB
import Messaging

/// A file intake announced for a request, as `crm_attachments` names it (the bytes stay in
/// intake). Inserted with `INSERT OR IGNORE`, so a redelivered announcement changes nothing.
struct RequestAttachmentRow: SnakeCaseRecord {
    static let databaseTableName = "crm_attachments"

    var attachmentId: String
    var requestCode: String
    var kind: String
    var contentType: String
    var byteCount: Int
    var channel: String
    var addedAt: Date

    init(_ added: AttachmentAdded) {
        attachmentId = added.attachmentId
        requestCode = added.requestCode
        kind = added.kind
        contentType = added.contentType
        byteCount = added.byteCount
        channel = added.channel.rawValue
        addedAt = added.addedAt
    }
}
