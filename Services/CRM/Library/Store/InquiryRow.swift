import Foundation
import GRDB
import Messaging

/// A general inquiry as `crm_inquiries` keeps it when it opens: subject and reply address
/// sealed, days as `YYYY-MM-DD`. Reopening and closing change the row later, column by column
/// (``InquiryStore``).
struct InquiryRow: SnakeCaseRecord {
    static let databaseTableName = "crm_inquiries"

    var ticketId: String
    var requestCode: String
    var branchCode: String
    var branchName: String
    var branchHotline: String
    var customerCode: String?
    var channel: String
    var subject: Data
    var replyAddress: Data
    var receivedOn: String
    var openedAt: Date
    var status: String
    var slaLimit: Int
    var dueDate: String

    init(_ inquiry: Inquiry) {
        ticketId = inquiry.ticketId
        requestCode = inquiry.requestCode
        branchCode = inquiry.branch.code
        branchName = inquiry.branch.name
        branchHotline = inquiry.branch.hotline
        customerCode = inquiry.customerCode
        channel = inquiry.channel.rawValue
        subject = inquiry.sealedSubject
        replyAddress = inquiry.sealedReplyAddress
        receivedOn = inquiry.receivedOn.description
        openedAt = inquiry.openedAt
        status = inquiry.status.rawValue
        slaLimit = inquiry.slaLimit
        dueDate = inquiry.dueDate.description
    }
}
