import Foundation
import GRDB

/// One mail of an inquiry's conversation: the customer's (as intake filed it) or an officer's
/// answer (as crm asked notification to send it). The text is sealed at rest.
struct InquiryMessage: Sendable {
    enum Author: Sendable, Equatable {
        case customer
        /// The officer who answered, by staff id.
        case officer(String)
    }

    /// The conversation's order, across inquiries.
    var seq: Int64
    var author: Author
    /// The customer's mail's Message-ID (without angle brackets); nil for an officer's answer
    /// and for a mail that had none.
    var mailMessageId: String?
    var sealedText: Data
    var at: Date
}

extension InquiryMessage: FetchableRecord {
    init(row: Row) throws {
        seq = row["seq"]
        let staffId: String? = row["staff_id"]
        author = staffId.map(Author.officer) ?? .customer
        mailMessageId = row["mail_message_id"]
        sealedText = row["text"]
        at = Date(timeIntervalSince1970: row["at"])
    }
}
