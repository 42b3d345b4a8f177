import Attachments
import Contracts
import Foundation
import GRDB
import Messaging

/// A kept file as `intake_attachments` holds it: what it is and whose, and its bytes sealed.
struct AttachmentRow: SnakeCaseRecord {
    static let databaseTableName = "intake_attachments"

    var attachmentId: String
    var requestCode: String
    var branchCode: String
    var kind: String
    var contentType: String
    var byteCount: Int
    var channel: String
    var contentSealed: Data
    var addedAt: Date

    init(_ kept: KeptAttachment, channel: Channel, contentSealed: Data) {
        attachmentId = kept.attachmentId
        requestCode = kept.requestCode
        branchCode = kept.branchCode
        kind = kept.kind.rawValue
        contentType = kept.contentType.mediaType
        byteCount = kept.byteCount
        self.channel = channel.rawValue
        self.contentSealed = contentSealed
        addedAt = kept.addedAt
    }
}
