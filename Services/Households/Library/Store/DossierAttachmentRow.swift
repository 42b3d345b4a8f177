import Foundation
import GRDB
import Messaging

/// A paper kept with a dossier as `households_attachments` holds it: what it is, who added it,
/// and its bytes sealed.
struct DossierAttachmentRow: SnakeCaseRecord {
    static let databaseTableName = "households_attachments"

    var attachmentId: String
    var dossierId: String
    var kind: String
    var contentType: String
    var byteCount: Int
    var addedBy: String
    var contentSealed: Data
    var addedAt: Date

    init(_ kept: DossierAttachments.Kept, contentSealed: Data) {
        attachmentId = kept.attachmentId
        dossierId = kept.dossierId
        kind = kept.kind.rawValue
        contentType = kept.contentType
        byteCount = kept.byteCount
        addedBy = kept.addedBy
        self.contentSealed = contentSealed
        addedAt = kept.addedAt
    }
}
