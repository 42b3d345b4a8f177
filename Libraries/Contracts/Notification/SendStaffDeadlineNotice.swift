import Foundation

/// crm asks notification to e-mail a member of a branch's staff the morning digest of their
/// tickets' deadlines: the tickets due on the next working day, due today and past their due
/// date; an officer's own, the whole branch's for its head.
///
/// A command, so the address reaches notification only. crm writes the text, in Vietnamese and
/// English, with a link to each ticket's page; notification sends it as it is. `noticeId` names
/// the notice: one e-mail per id, however often the command arrives.
public struct SendStaffDeadlineNotice: MessageContract {
    public static let routingKey = "notification.send-staff-deadline-notice"
    public static let version = 1
    public static let kind = MessageKind.command

    /// `digest/<day>/<staff id>`: one digest a day per person.
    public var noticeId: String
    /// The branch whose tickets these are, e.g. `PC05TK`.
    public var branchCode: String
    /// The recipient's directory `uid`, e.g. `tk-cs-01`.
    public var staffId: String
    /// The recipient's work address from the staff directory (personal data).
    public var email: String
    public var subject: String
    /// The plain-text body, Vietnamese first, then English.
    public var text: String
    public var issuedAt: Date

    public init(noticeId: String, branchCode: String, staffId: String, email: String, subject: String,
                text: String, issuedAt: Date) {
        self.noticeId = noticeId
        self.branchCode = branchCode
        self.staffId = staffId
        self.email = email
        self.subject = subject
        self.text = text
        self.issuedAt = issuedAt
    }
}
