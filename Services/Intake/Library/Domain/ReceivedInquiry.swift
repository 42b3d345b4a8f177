import Contracts
import Foundation
import Mail
import ServiceAreas
import StaffAuth

/// A customer's e-mail read as a general inquiry: who answers it, whom the answer goes to, and
/// whether an automatic answer may go at all (``ReplySuppression``).
///
/// The answering branch is the one of the first customer code in the subject or the text that
/// belongs to a served branch; a mail naming none goes to the corporation's desk.
struct ReceivedInquiry: Sendable {
    /// The corporation's desk: the unit of corporation staff, for mail no branch's customer code names.
    static let corporationDesk = Branch(code: StaffClaims.corporationUnit,
                                        name: "Tổng công ty Điện lực miền Trung",
                                        hotline: SMSAnswer.hotline)
    /// The longest text passed on; the rest stays in the mailbox, where the mail itself is kept.
    static let maximumTextLength = 20_000

    let branch: Branch
    let customerCode: String?
    let subject: String
    let text: String
    let messageId: String?
    /// The Message-IDs the mail answers (`In-Reply-To`) and of its thread (`References`).
    let inReplyTo: [String]
    let references: [String]
    /// The request codes the subject quotes (`Re: … PC05TK-261204-000003`), in order.
    let quotedCodes: [String]
    /// Where the answer goes; nil when the mail names no usable address.
    let replyAddress: String?
    /// Why no automatic answer goes out; nil when one does.
    let suppression: ReplySuppression?
    /// The bytes of the files attached, in order; what they are is read from them when they are kept.
    let attachedFiles: [Data]
    /// The service request the mail asks for plainly, filed as the portal files it; nil for an inquiry.
    let request: MailedRequest?

    init(_ mail: InboundMail, areas: ServiceAreaTable, ownAddresses: Set<String>) {
        let found = Self.customerCode(in: mail.subject + "\n" + mail.text, areas: areas)
        branch = found?.branch ?? Self.corporationDesk
        customerCode = found?.code.description
        subject = mail.subject
        text = String(mail.text.prefix(Self.maximumTextLength))
        messageId = mail.messageID
        inReplyTo = mail.inReplyTo
        quotedCodes = mail.subject.uppercased().matches(of: /[A-Z0-9]{2,10}-[0-9]{6}-[0-9]{6}/).map { String($0.output) }
        references = mail.references
        replyAddress = mail.replyAddress?.email
        suppression = ReplySuppression.reason(for: mail, ownAddresses: ownAddresses)
        attachedFiles = mail.attachments.map { Data($0.bytes) }
        request = MailedRequest(subject: mail.subject, text: mail.text, senderName: mail.replyAddress?.name, areas: areas)
    }

    /// The first word of `text` that is a customer code of a served branch.
    static func customerCode(in text: String, areas: ServiceAreaTable) -> (code: CustomerCode, branch: Branch)? {
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            guard word.count >= CustomerCode.branchCodeLength + 1, let code = CustomerCode(String(word)),
                  let branch = areas.branch(code: code.branchCode) else { continue }
            return (code, branch)
        }
        return nil
    }

    /// The event that files the mail under `requestCode` at `branch`; `followUp` when both are
    /// the earlier inquiry's whose thread the mail continues.
    func event(requestCode: String, branch: Branch, followUp: Bool, at now: Date) -> InquiryReceived {
        InquiryReceived(requestCode: requestCode, channel: .email, branch: branch, customerCode: customerCode,
                        subject: subject, text: text, senderEmail: replyAddress ?? "", messageId: messageId,
                        followUp: followUp, receivedAt: now)
    }

    /// The automatic answer naming `requestCode`, in the customer's thread; nil when none may go out.
    /// `mailId` tells notification which mail it answers, so a repeated command answers once.
    /// A mail filed as a service request of `kind` (``request``) is answered naming the kind.
    func reply(mailId: String, requestCode: String, kind: RequestKind? = nil, at now: Date) -> SendEmailReply? {
        guard suppression == nil, let replyAddress else { return nil }
        let answer = kind.map { EmailAnswer.filed(kind: $0, requestCode: requestCode, branch: branch, subject: subject) }
            ?? EmailAnswer.received(requestCode: requestCode, branch: branch, subject: subject)
        return SendEmailReply(mailId: mailId, requestCode: requestCode, email: replyAddress, subject: answer.subject,
                              text: answer.text, inReplyTo: messageId, references: references,
                              issuedAt: now.wholeSeconds)
    }
}
