import Foundation
import GRDB
import PersonalData

/// The sign-in audit in the store, and the lock-outs that are counted from it.
///
/// Usernames and client addresses are personal data: each is sealed, with a fingerprint beside
/// it so failures can be counted by account and by client without reading any of them.
public struct SignInLedger: Sendable {
    let policy: LockoutPolicy
    let personalData: PersonalDataProtector

    public init(policy: LockoutPolicy, personalData: PersonalDataProtector) {
        self.policy = policy
        self.personalData = personalData
    }

    /// Records `event`.
    public func record(_ event: SignInEvent, in db: Database) throws {
        try insert(event, locksAccount: false, locksClient: false, in: db)
    }

    /// Whether a lock-out of `username` or of `client` runs at `now`.
    public func isLockedOut(username: String, client: String, at now: Date, in db: Database) throws -> Bool {
        let since = now.addingTimeInterval(-policy.lockout).timeIntervalSince1970
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM sign_in_event WHERE at > ? AND (
                (locks_account = 1 AND username_fingerprint IN (SELECT value FROM json_each(?)))
                OR (locks_client = 1 AND client_fingerprint IN (SELECT value FROM json_each(?)))))
            """), arguments: [since, fingerprints(Self.account(username)), fingerprints(client)]) ?? false
    }

    /// Records the failure `event`: as the start of a lock-out when it reaches the limit of its
    /// account or its client (failures since the window opened and since their last lock-out).
    ///
    /// - Returns: the outcome recorded, ``SignInOutcome/failed`` or ``SignInOutcome/lockedOut``.
    public func recordFailure(_ event: SignInEvent, in db: Database) throws -> SignInOutcome {
        let since = event.at.addingTimeInterval(-policy.window).timeIntervalSince1970
        let accountFailures = try failures(column: "username_fingerprint", lock: "locks_account",
                                           of: fingerprints(Self.account(event.username)), since: since, in: db)
        let clientFailures = try failures(column: "client_fingerprint", lock: "locks_client",
                                          of: fingerprints(event.clientAddress), since: since, in: db)
        let locksAccount = accountFailures + 1 >= policy.accountFailures
        let locksClient = clientFailures + 1 >= policy.clientFailures
        let outcome: SignInOutcome = locksAccount || locksClient ? .lockedOut : .failed
        try insert(SignInEvent(at: event.at, outcome: outcome, username: event.username, staffId: event.staffId,
                               unit: event.unit, clientAddress: event.clientAddress),
                   locksAccount: locksAccount, locksClient: locksClient, in: db)
        return outcome
    }

    /// The newest `limit` events of `unit`, or of every unit when it is nil, newest first.
    public func events(of unit: String?, limit: Int, in db: Database) throws -> [SignInEvent] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT at, outcome, username_sealed, staff_id, unit, client_address_sealed FROM sign_in_event
            WHERE ? IS NULL OR unit = ? ORDER BY at DESC, id DESC LIMIT ?
            """), arguments: [unit, unit, limit]).map { row in
            SignInEvent(at: Date(timeIntervalSince1970: row["at"]),
                        outcome: SignInOutcome(rawValue: row["outcome"]) ?? .failed,
                        username: try personalData.open(row["username_sealed"]), staffId: row["staff_id"],
                        unit: row["unit"], clientAddress: try personalData.open(row["client_address_sealed"]))
        }
    }

    /// Failures and lock-outs of one account or client after `since` and after its last lock-out.
    private func failures(column: String, lock: String, of fingerprints: String, since: TimeInterval,
                          in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM sign_in_event
            WHERE outcome IN ('failed', 'locked_out') AND \(column) IN (SELECT value FROM json_each(?1)) AND at > ?2
              AND at > COALESCE((SELECT MAX(at) FROM sign_in_event
                                 WHERE \(lock) = 1 AND \(column) IN (SELECT value FROM json_each(?1))), 0)
            """), arguments: [fingerprints, since]) ?? 0
    }

    private func insert(_ event: SignInEvent, locksAccount: Bool, locksClient: Bool, in db: Database) throws {
        try SignInEventRow(event, locksAccount: locksAccount, locksClient: locksClient, sealedWith: personalData).insert(db)
    }

    /// Every form of `value`'s fingerprint (one per configured key), as a JSON array for `json_each`.
    private func fingerprints(_ value: String) -> String {
        let forms = personalData.fingerprints(value)
        return String(decoding: try! JSONEncoder().encode(forms), as: UTF8.self)
    }

    /// The account a typed username names: the directory compares uids without regard to case or
    /// surrounding spaces, so neither makes another account to count failures against.
    static func account(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
