import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// The customer-care mailbox's messages intake has filed, by the mailbox's UIDVALIDITY and UID.
///
/// A mail is filed in one transaction: its row here, the request's number (or the code of the
/// thread it continues), the
/// `intake.inquiry.received` event, its attached files that are JPEG, PNG or PDF within the
/// limits, sealed, each with its `intake.attachment.added` (``AttachmentStore``), and, when it
/// is answered, the `notification.send-email-reply` command. Only then is the mail marked handled in the mailbox. A crash between the two leaves
/// a mail the mailbox still lists and this ledger already holds: it is filed no second time.
/// The sender is kept only as its keyed fingerprint, to count the answers it got.
struct InboundMailLedger: Sendable {
    /// What became of one mail.
    enum Outcome: Sendable, Equatable {
        /// Filed under the code; `answered` when the automatic answer is on its way; `filesLeftOut`
        /// attached files were not kept (not a JPEG, PNG or PDF, too large, or beyond the count).
        case filed(requestCode: String, answered: Bool, filesLeftOut: Int)
        /// Filed under the code of the inquiry whose thread it continues; never answered automatically.
        case followedUp(requestCode: String, filesLeftOut: Int)
        /// Filed through the portal's use case as a service request of `kind` under the code.
        case filedRequest(requestCode: String, kind: RequestKind, answered: Bool, filesLeftOut: Int)
        /// The ledger held the mail already.
        case filedBefore
    }

    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector
    let attachments: AttachmentStore

    /// Files the mail `uid` of the mailbox with `uidValidity`: under the code of the inquiry whose
    /// thread it continues (its `In-Reply-To` or `References` naming a mail filed here, or its
    /// subject quoting an inquiry's code), unanswered;
    /// else under a new code of its branch, answered unless it may not be or its sender already
    /// got `repliesPerHour` answers this past hour.
    func file(
        uid: UInt32, uidValidity: UInt32, mail: ReceivedInquiry, repliesPerHour: Int, at now: Date
    ) async throws -> Outcome {
        let outbox = outbox
        let attachments = attachments
        let fingerprints = mail.replyAddress.map { personalData.fingerprints($0.lowercased()) } ?? []
        return try await writer.write { db in
            let known = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM intake_inbound_mail WHERE uid_validity = ? AND uid = ?"),
                                          arguments: [Int64(uidValidity), Int64(uid)]) ?? false
            guard !known else { return .filedBefore }
            let event: InquiryReceived
            var reply: SendEmailReply?
            if let thread = try Self.thread(of: mail, in: db) {
                event = mail.event(requestCode: thread.requestCode, branch: thread.branch, followUp: true, at: now)
            } else {
                let code = try DailySequence.nextCode(branchCode: mail.branch.code, at: now, in: db).value
                event = mail.event(requestCode: code, branch: mail.branch, followUp: false, at: now)
                reply = mail.reply(mailId: "\(uidValidity)-\(uid)", requestCode: code, at: now)
                if reply != nil, try Self.answers(to: fingerprints, since: now - 3600, in: db) >= repliesPerHour {
                    reply = nil
                }
            }
            try InboundMailRow(uidValidity: Int64(uidValidity), uid: Int64(uid), messageId: mail.messageId,
                               requestCode: event.requestCode, branchCode: event.branch.code, branchName: event.branch.name,
                               branchHotline: event.branch.hotline, senderFingerprint: fingerprints.first, receivedAt: now,
                               answered: reply != nil).insert(db)
            try outbox.send(event, correlation: event.requestCode, at: now, in: db)
            let leftOut = try attachments.keepWhatPasses(mail.attachedFiles, requestCode: event.requestCode,
                                                         branchCode: event.branch.code, channel: .email, at: now, in: db)
            if let reply {
                try outbox.send(reply, correlation: event.requestCode, at: now, in: db)
            }
            return event.followUp ? .followedUp(requestCode: event.requestCode, filesLeftOut: leftOut)
                : .filed(requestCode: event.requestCode, answered: reply != nil, filesLeftOut: leftOut)
        }
    }

    /// Whether `mail` is new and opens no earlier thread: only such a mail may become a request
    /// of its own (``MailedRequest``); one that continues a thread joins it.
    func opensNewThread(uid: UInt32, uidValidity: UInt32, mail: ReceivedInquiry) async throws -> Bool {
        try await writer.write { db in
            let known = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM intake_inbound_mail WHERE uid_validity = ? AND uid = ?"),
                                          arguments: [Int64(uidValidity), Int64(uid)]) ?? false
            return try !known && Self.thread(of: mail, in: db) == nil
        }
    }

    /// Records the mail `uid` as filed under `receipt`, the service request of `kind` the portal's
    /// use case committed for it, and answers it in its thread naming the code and the kind
    /// (within `repliesPerHour`); later mails of the thread then join that request's ticket.
    /// Attached files are kept with the request, as an inquiry's are.
    func record(
        uid: UInt32, uidValidity: UInt32, mail: ReceivedInquiry, receipt: SubmissionReceipt, kind: RequestKind,
        repliesPerHour: Int, at now: Date
    ) async throws -> Outcome {
        let (outbox, attachments) = (outbox, attachments)
        let fingerprints = mail.replyAddress.map { personalData.fingerprints($0.lowercased()) } ?? []
        return try await writer.write { db in
            let known = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM intake_inbound_mail WHERE uid_validity = ? AND uid = ?"),
                                          arguments: [Int64(uidValidity), Int64(uid)]) ?? false
            guard !known else { return .filedBefore }
            var reply = mail.reply(mailId: "\(uidValidity)-\(uid)", requestCode: receipt.requestCode, kind: kind, at: now)
            if reply != nil, try Self.answers(to: fingerprints, since: now - 3600, in: db) >= repliesPerHour {
                reply = nil
            }
            try InboundMailRow(uidValidity: Int64(uidValidity), uid: Int64(uid), messageId: mail.messageId,
                               requestCode: receipt.requestCode, branchCode: receipt.branch.code,
                               branchName: receipt.branch.name, branchHotline: receipt.branch.hotline,
                               senderFingerprint: fingerprints.first, receivedAt: now, answered: reply != nil).insert(db)
            let leftOut = try attachments.keepWhatPasses(mail.attachedFiles, requestCode: receipt.requestCode,
                                               branchCode: receipt.branch.code, channel: .email, at: now, in: db)
            if let reply {
                try outbox.send(reply, correlation: receipt.requestCode, at: now, in: db)
            }
            return .filedRequest(requestCode: receipt.requestCode, kind: kind, answered: reply != nil, filesLeftOut: leftOut)
        }
    }

    /// The code and branch of the inquiry `mail` continues: that of the filed mail it answers or
    /// whose thread it names (latest first), else of an inquiry whose code its subject quotes.
    private static func thread(of mail: ReceivedInquiry, in db: Database) throws -> (requestCode: String, branch: Branch)? {
        let byMessage = "SELECT request_code, branch_code, branch_name, branch_hotline FROM intake_inbound_mail "
            + "WHERE message_id = ? ORDER BY received_at LIMIT 1"
        let byCode = "SELECT request_code, branch_code, branch_name, branch_hotline FROM intake_inbound_mail "
            + "WHERE request_code = ? ORDER BY received_at LIMIT 1"
        let lookups = (mail.references + mail.inReplyTo).reversed().map { (byMessage, $0) }
            + mail.quotedCodes.map { (byCode, $0) }
        for (sql, key) in lookups {
            if let row = try Row.fetchOne(db, sql: sql, arguments: [key]) {
                return (row["request_code"], Branch(code: row["branch_code"], name: row["branch_name"],
                                                    hotline: row["branch_hotline"]))
            }
        }
        return nil
    }

    /// How many automatic answers the sender with one of `fingerprints` got since `since`.
    private static func answers(to fingerprints: [String], since: Date, in db: Database) throws -> Int {
        guard !fingerprints.isEmpty else { return 0 }
        let marks = fingerprints.map { _ in "?" }.joined(separator: ", ")
        return try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM intake_inbound_mail
            WHERE answered = 1 AND received_at >= ? AND sender_fingerprint IN (\(marks))
            """, arguments: StatementArguments([since.timeIntervalSince1970] + fingerprints)) ?? 0
    }
}
