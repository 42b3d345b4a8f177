import Contracts
import Foundation

/// An e-mailed inquiry as the officer answers it: who wrote, about what, the conversation
/// (the customer's mails and the branch's answers, oldest first) and its timeline.
struct InquiryDetail: Encodable, Sendable {
    var ticketId: String
    var kind = TicketKind.inquiry
    var requestCode: String
    var channel: Channel
    var customerCode: String?
    var branchCode: String
    var branch: Branch
    var status: TicketStatus
    var slaLimitWorkingDays: Int
    var dueDate: String
    var slaState: SLAState
    var subject: String
    /// Where answers go; empty when the customer's mail named no usable address (it cannot be answered by e-mail).
    var replyAddress: String
    var conversation: [Message]
    var closure: TicketDetail.ClosureView?
    var timeline: [TimelineStep]

    struct Message: Encodable, Sendable {
        /// `customer` or `officer`.
        var from: String
        /// The officer who answered; nil for the customer's mails.
        var staffId: String?
        var text: String
        var at: Date
    }
}
