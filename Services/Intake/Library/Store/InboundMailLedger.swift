import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// The customer-care mailbox's messages intake has filed, by the mailbox's UIDVALIDITY and UID.
///
/// A mail is filed in one transaction: its row here, the request's number, the
/// `intake.inquiry.received` event and, when it is answered, the `notification.send-email-reply`
/// command. Only then is the mail marked handled in the mailbox. A crash between the two leaves
/// a mail the mailbox still lists and this ledger already holds: it is filed no second time.
/// The sender is kept only as its keyed fingerprint, to count the answers it got.
struct InboundMailLedger: Sendable {
    /// What became of one mail.
    enum Outcome: Sendable, Equatable {
        /// Filed under the code; `answered` when the automatic answer is on its way.
        case filed(requestCode: String, answered: Bool)
        /// The ledger held the mail already.
        case filedBefore
    }

    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector

    /// Files the mail `uid` of the mailbox with `uidValidity` under a new code of its branch,
    /// answered unless it may not be or its sender already got `repliesPerHour` answers this past hour.
    func file(
        uid: UInt32, uidValidity: UInt32, mail: ReceivedInquiry, repliesPerHour: Int, at now: Date
    ) async throws -> Outcome {
        let outbox = outbox
        let fingerprints = mail.replyAddress.map { personalData.fingerprints($0.lowercased()) } ?? []
        return try await writer.write { db in
            let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM intake_inbound_mail WHERE uid_validity = ? AND uid = ?",
                                          arguments: [Int64(uidValidity), Int64(uid)]) ?? false
            guard !known else { return .filedBefore }
            let code = try DailySequence.nextCode(branchCode: mail.branch.code, at: now, in: db)
            let event = mail.event(requestCode: code.value, at: now)
            var reply = mail.reply(mailId: "\(uidValidity)-\(uid)", requestCode: code.value, at: now)
            if reply != nil, try Self.answers(to: fingerprints, since: now - 3600, in: db) >= repliesPerHour {
                reply = nil
            }
            try db.execute(sql: """
                INSERT INTO intake_inbound_mail (uid_validity, uid, message_id, request_code, sender_fingerprint,
                                                 received_at, answered)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [Int64(uidValidity), Int64(uid), mail.messageId, code.value, fingerprints.first,
                                 now.timeIntervalSince1970, reply != nil])
            try outbox.send(event, from: .intake, correlationId: code.value, cause: nil, at: now, in: db)
            if let reply {
                try outbox.send(reply, from: .intake, correlationId: code.value, cause: nil, at: now, in: db)
            }
            return .filed(requestCode: code.value, answered: reply != nil)
        }
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
