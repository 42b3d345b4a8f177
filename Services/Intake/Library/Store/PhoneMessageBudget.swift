import Foundation
import GRDB

/// The texts anonymous parties made the platform send to each phone nobody has confirmed.
///
/// Anyone can type any number into a form, so without this rule anyone could have the
/// company text a stranger without end. A phone whose holder has not shown it is theirs takes
/// at most ``messages`` texts caused by anonymous filings within ``window``: each filing takes
/// the texts it can cause before any staff member acts — one for a request's "received"
/// notice, an outage report's "power is back" or a new signing code; two for an independent
/// verification, which crm refuses at once when the disputed request does not qualify — in the
/// filing's own transaction, and a filing that would go over is refused and stores nothing. A phone is confirmed when its holder signs a contract
/// with the code texted to it, or when a signed-in call-centre operator files for it
/// (``Filer/signedInOperator``); from then on its filings draw on nothing.
///
/// Both tables are in the store, so a restart forgets nothing; phones appear only as their
/// keyed fingerprints. Rows age out: every draw first forgets texts older than the window.
enum PhoneMessageBudget {
    /// Texts an unconfirmed phone takes within ``window``.
    static let messages = 3
    /// 24 hours.
    static let window: TimeInterval = 24 * 3600

    /// How a phone came to be confirmed, as recorded.
    enum Confirmation: String {
        case signingCode = "signing_code"
        case callCentre = "call_centre"
    }

    /// Takes `texts` from the budget of the phone with `fingerprint`, filed by `filer`: nothing
    /// for a confirmed phone; an operator's filing confirms it.
    ///
    /// - Throws: ``PhoneBudgetSpent`` when the phone is unconfirmed and its budget has fewer
    ///   than `texts` left; the caller's transaction is then rolled back.
    static func draw(_ texts: Int = 1, for fingerprint: String, filer: Filer, at now: Date, in db: Database) throws {
        if filer == .signedInOperator {
            try confirm(fingerprint, by: .callCentre, at: now, in: db)
            return
        }
        guard try !isConfirmed(fingerprint, in: db) else { return }
        let windowStart = now - window
        try db.cachedStatement(sql: "DELETE FROM intake_phone_messages WHERE sent_at < ?")
            .execute(arguments: [windowStart.timeIntervalSince1970])
        let sentAt = try Double.fetchAll(db.cachedStatement(sql: """
            SELECT sent_at FROM intake_phone_messages WHERE phone_fingerprint = ? ORDER BY sent_at
            """), arguments: [fingerprint])
        guard sentAt.count + texts <= messages else {
            // The wait until enough of the oldest texts leave the window.
            let freedBy = sentAt[min(sentAt.count - 1, max(0, sentAt.count + texts - messages - 1))]
            throw PhoneBudgetSpent(retryAfter: freedBy + window - now.timeIntervalSince1970)
        }
        for _ in 0..<texts {
            try db.cachedStatement(sql: "INSERT INTO intake_phone_messages (phone_fingerprint, sent_at) VALUES (?, ?)")
                .execute(arguments: [fingerprint, now.timeIntervalSince1970])
        }
    }

    /// Records that the phone with `fingerprint` is its holder's; the first confirmation is kept.
    static func confirm(_ fingerprint: String, by confirmation: Confirmation, at now: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO intake_confirmed_phones (phone_fingerprint, confirmed_at, confirmed_by) VALUES (?, ?, ?)
            ON CONFLICT (phone_fingerprint) DO NOTHING
            """).execute(arguments: [fingerprint, now.timeIntervalSince1970, confirmation.rawValue])
    }

    static func isConfirmed(_ fingerprint: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM intake_confirmed_phones WHERE phone_fingerprint = ?)
            """), arguments: [fingerprint]) ?? false
    }
}
