import Contracts
import Foundation
import GRDB
import Messaging

/// One drafted contract waiting for its signature, with the one code that currently signs it.
///
/// The code is kept only as its keyed hash (``SigningCode/hash(for:with:)``). A new code
/// replaces the hash, so the previous code stops working the moment it is issued.
struct SigningSession: Sendable {
    var contractNumber: String
    var requestCode: String
    /// The signing branch, as crm named it in `crm.contract.drafted`.
    var branch: Branch
    var codeHash: String
    var codeExpiresAt: Date
    var failedAttempts: Int
    var signedAt: Date?

    /// Whether the contract already has a session: a redelivered `crm.contract.drafted` finds one.
    static func exists(contractNumber: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM intake_signing_sessions WHERE contract_number = ?)",
                          arguments: [contractNumber]) ?? false
    }

    /// The session of the request's latest drafted contract.
    static func latest(forRequest code: String, in db: Database) throws -> SigningSession? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT contract_number, request_code, branch, code_hash, code_expires_at, failed_attempts, signed_at
            FROM intake_signing_sessions WHERE request_code = ?
            ORDER BY drafted_at DESC, rowid DESC LIMIT 1
            """, arguments: [code]) else { return nil }
        let branch: String = row["branch"]
        let signedAt: Double? = row["signed_at"]
        return SigningSession(
            contractNumber: row["contract_number"], requestCode: row["request_code"],
            branch: try JSONCoding.decoder.decode(Branch.self, from: Data(branch.utf8)),
            codeHash: row["code_hash"], codeExpiresAt: Date(timeIntervalSince1970: row["code_expires_at"]),
            failedAttempts: row["failed_attempts"], signedAt: signedAt.map(Date.init(timeIntervalSince1970:)))
    }

    /// The sealed drafted contract of the request's latest session; `nil` without a session,
    /// or for one opened before contracts were kept.
    static func sealedContract(forRequest code: String, in db: Database) throws -> Data? {
        try Data.fetchOne(db, sql: """
            SELECT contract_sealed FROM intake_signing_sessions WHERE request_code = ?
            ORDER BY drafted_at DESC, rowid DESC LIMIT 1
            """, arguments: [code])
    }

    /// Opens the session of a drafted contract with its first code's hash and the contract as
    /// the customer will read it, sealed.
    static func insert(_ drafted: ContractDrafted, sealedContract: Data, codeHash: String, issuedAt: Date,
                       in db: Database) throws {
        try SigningSessionRow(drafted, sealedContract: sealedContract, codeHash: codeHash, issuedAt: issuedAt).insert(db)
        try recordIssue(contractNumber: drafted.contractNumber, at: issuedAt, in: db)
    }

    /// Replaces the code with a new one and gives it a full set of attempts.
    static func replaceCode(contractNumber: String, codeHash: String, issuedAt: Date, in db: Database) throws {
        try db.execute(sql: """
            UPDATE intake_signing_sessions
            SET code_hash = ?, code_issued_at = ?, code_expires_at = ?, failed_attempts = 0
            WHERE contract_number = ?
            """, arguments: [codeHash, issuedAt.timeIntervalSince1970,
                             (issuedAt + SigningPolicy.codeValidity).timeIntervalSince1970, contractNumber])
        try recordIssue(contractNumber: contractNumber, at: issuedAt, in: db)
    }

    /// When the codes issued for the contract since `date` were issued, oldest first.
    static func codesIssued(contractNumber: String, since date: Date, in db: Database) throws -> [Date] {
        try Double.fetchAll(db, sql: """
            SELECT issued_at FROM intake_signing_code_issues WHERE contract_number = ? AND issued_at >= ?
            ORDER BY issued_at
            """, arguments: [contractNumber, date.timeIntervalSince1970]).map(Date.init(timeIntervalSince1970:))
    }

    static func recordWrongAttempt(contractNumber: String, in db: Database) throws {
        try db.execute(sql: "UPDATE intake_signing_sessions SET failed_attempts = failed_attempts + 1 WHERE contract_number = ?",
                       arguments: [contractNumber])
    }

    static func markSigned(contractNumber: String, at date: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE intake_signing_sessions SET signed_at = ? WHERE contract_number = ?",
                       arguments: [date.timeIntervalSince1970, contractNumber])
    }

    private static func recordIssue(contractNumber: String, at date: Date, in db: Database) throws {
        try db.execute(sql: "INSERT INTO intake_signing_code_issues (contract_number, issued_at) VALUES (?, ?)",
                       arguments: [contractNumber, date.timeIntervalSince1970])
    }
}
