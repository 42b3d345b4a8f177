import Foundation
import GRDB
import Messaging

/// A mail of an inquiry's conversation as `crm_inquiry_messages` keeps it: the text sealed,
/// the officer's id when an officer wrote it, the customer's Message-ID when the customer did.
///
/// A ``ColumnRecord`` whose insert does nothing when the customer's mail of that Message-ID is
/// already there (the table's unique key), so a mail read twice joins the conversation once.
struct InquiryMessageRow: ColumnRecord {
    static let databaseTableName = "crm_inquiry_messages"
    static let insertSQL = makeInsertSQL() + " ON CONFLICT DO NOTHING"

    var ticketId: String
    var staffId: String?
    var mailMessageId: String?
    var text: Data
    var at: Double

    enum ColumnName: String, CodingKey, CaseIterable {
        case ticketId = "ticket_id", staffId = "staff_id", mailMessageId = "mail_message_id", text, at
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .ticketId: ticketId
        case .staffId: staffId
        case .mailMessageId: mailMessageId
        case .text: text
        case .at: at
        }
    }
}
