import Foundation

/// A customer attached a paper to a request (on the portal, through the API, or in an e-mail
/// to the customer-care mailbox) and intake kept it, sealed.
///
/// Only what the branch needs to list it travels: the file stays in intake, and the branch's
/// officer downloads it from intake's staff route `/nhan-vien/tep-dinh-kem/{attachmentId}`.
public struct AttachmentAdded: MessageContract {
    public static let routingKey = "intake.attachment.added"
    public static let version = 1
    public static let kind = MessageKind.event

    /// The request the file belongs to; the `correlation_id` of its story.
    public var requestCode: String
    /// The branch that handles the request, the only one whose officers may download the file.
    public var branchCode: String
    /// Intake's id of the kept file.
    public var attachmentId: String
    /// `id-card`, `household-book`, `residence-confirmation` or `other` (every file of an e-mail).
    public var kind: String
    /// `image/jpeg`, `image/png` or `application/pdf`, read from the file's first bytes.
    public var contentType: String
    /// The file's size in bytes.
    public var byteCount: Int
    /// How the file came: `web` (portal or API) or `email`.
    public var channel: Channel
    public var addedAt: Date

    public init(requestCode: String, branchCode: String, attachmentId: String, kind: String, contentType: String,
                byteCount: Int, channel: Channel, addedAt: Date) {
        self.requestCode = requestCode
        self.branchCode = branchCode
        self.attachmentId = attachmentId
        self.kind = kind
        self.contentType = contentType
        self.byteCount = byteCount
        self.channel = channel
        self.addedAt = addedAt
    }
}
