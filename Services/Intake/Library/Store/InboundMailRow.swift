import Foundation
import GRDB
import Messaging

/// A mail of the customer-care mailbox as `intake_inbound_mail` keeps it once filed: by the
/// mailbox's UIDVALIDITY and UID, with the inquiry it was filed under and the sender only as
/// a fingerprint, to count the automatic answers it got.
struct InboundMailRow: SnakeCaseRecord {
    static let databaseTableName = "intake_inbound_mail"

    var uidValidity: Int64
    var uid: Int64
    var messageId: String?
    var requestCode: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var senderFingerprint: String?
    var receivedAt: Date
    var answered: Bool
}
