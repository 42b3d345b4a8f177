import Contracts
import Foundation
import GRDB
import Messaging

/// One drafted contract waiting for its signature under one request, with the one code that
/// currently signs it.
///
/// The code is kept only as its keyed hash (``SigningCode/hash(for:with:)``). A new code
/// replaces the hash, so the previous code stops working the moment it is issued. A contract
/// passing to a new holder is signed again in a session of its own, under the change of
/// holder's request and by the new holder's phone (``Signer``).
struct SigningSession: Sendable {
    /// The phone that signs when it is not the applicant's: sealed to send the code to,
    /// fingerprinted to check the phone given to sign.
    struct Signer: Sendable, Equatable {
        var phoneFingerprint: String
        var sealedPhone: Data
    }

    var contractNumber: String
    var requestCode: String
    /// The signing branch, as crm named it in `crm.contract.drafted`.
    var branch: Branch
    var codeHash: String
    var codeExpiresAt: Date
    var failedAttempts: Int
    var signedAt: Date?

    /// Whether the contract already has a session under the request: a redelivered
    /// `crm.contract.drafted` finds one.
    static func exists(contractNumber: String, requestCode: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM intake_signing_sessions WHERE contract_number = ? AND request_code = ?)
            """), arguments: [contractNumber, requestCode]) ?? false
    }

    /// The session of the request's latest drafted contract.
    static func latest(forRequest code: String, in db: Database) throws -> SigningSession? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT contract_number, request_code, branch, code_hash, code_expires_at, failed_attempts, signed_at
            FROM intake_signing_sessions WHERE request_code = ?
            ORDER BY drafted_at DESC, rowid DESC LIMIT 1
            """), arguments: [code]) else { return nil }
        let branch: String = row["branch"]
        let signedAt: Double? = row["signed_at"]
        return SigningSession(
            contractNumber: row["contract_number"], requestCode: row["request_code"],
            branch: try JSONCoding.decoder.decode(Branch.self, from: Data(branch.utf8)),
            codeHash: row["code_hash"], codeExpiresAt: Date(timeIntervalSince1970: row["code_expires_at"]),
            failedAttempts: row["failed_attempts"], signedAt: signedAt.map(Date.init(timeIntervalSince1970:)))
    }

    /// Who signs the request's latest drafted contract when it is not the applicant; `nil`
    /// when the applicant signs, or before a contract is drafted.
    static func signer(forRequest code: String, in db: Database) throws -> Signer? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT signer_phone_fingerprint, signer_phone_sealed FROM intake_signing_sessions WHERE request_code = ?
            ORDER BY drafted_at DESC, rowid DESC LIMIT 1
            """), arguments: [code]).flatMap { row in
            guard let fingerprint: String = row["signer_phone_fingerprint"],
                  let sealed: Data = row["signer_phone_sealed"] else { return nil }
            return Signer(phoneFingerprint: fingerprint, sealedPhone: sealed)
        }
    }

    /// The sealed drafted contract of the request's latest session; `nil` without a session,
    /// or for one opened before contracts were kept.
    static func sealedContract(forRequest code: String, in db: Database) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: """
            SELECT contract_sealed FROM intake_signing_sessions WHERE request_code = ?
            ORDER BY drafted_at DESC, rowid DESC LIMIT 1
            """), arguments: [code])
    }

    /// Opens the session of a drafted contract with its first code's hash, its signer when it
    /// is not the applicant, and the contract as the signer will read it, sealed.
    static func insert(_ drafted: ContractDrafted, signer: Signer?, sealedContract: Data, codeHash: String,
                       issuedAt: Date, in db: Database) throws {
        try SigningSessionRow(drafted, signer: signer, sealedContract: sealedContract, codeHash: codeHash,
                              issuedAt: issuedAt).insert(db)
        try recordIssue(contractNumber: drafted.contractNumber, requestCode: drafted.requestCode, at: issuedAt, in: db)
    }

    /// Replaces the code with a new one and gives it a full set of attempts.
    func replaceCode(with codeHash: String, issuedAt: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE intake_signing_sessions
            SET code_hash = ?, code_issued_at = ?, code_expires_at = ?, failed_attempts = 0
            WHERE contract_number = ? AND request_code = ?
            """).execute(arguments: [codeHash, issuedAt.timeIntervalSince1970,
                                     (issuedAt + SigningPolicy.codeValidity).timeIntervalSince1970, contractNumber, requestCode])
        try Self.recordIssue(contractNumber: contractNumber, requestCode: requestCode, at: issuedAt, in: db)
    }

    /// When the session's codes issued since `date` were issued, oldest first.
    func codesIssued(since date: Date, in db: Database) throws -> [Date] {
        try Double.fetchAll(db.cachedStatement(sql: """
            SELECT issued_at FROM intake_signing_code_issues
            WHERE contract_number = ? AND request_code = ? AND issued_at >= ?
            ORDER BY issued_at
            """), arguments: [contractNumber, requestCode, date.timeIntervalSince1970]).map(Date.init(timeIntervalSince1970:))
    }

    func recordWrongAttempt(in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE intake_signing_sessions SET failed_attempts = failed_attempts + 1
            WHERE contract_number = ? AND request_code = ?
            """).execute(arguments: [contractNumber, requestCode])
    }

    /// Marks the session signed at `date`, keeping the signed document (sealed) and its hash;
    /// a session opened before contracts were kept has no document to keep.
    func markSigned(at date: Date, copy: (sealed: Data, sha256: String)?, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE intake_signing_sessions SET signed_at = ?, signed_copy_sealed = ?, signed_copy_sha256 = ?
            WHERE contract_number = ? AND request_code = ?
            """).execute(arguments: [date.timeIntervalSince1970, copy?.sealed, copy?.sha256, contractNumber, requestCode])
    }

    /// Whether the request's applicant signed a contract under it whose copy is kept: what the
    /// tracking page, opened with the applicant's phone, offers to download. A new holder's
    /// signature is theirs to take, not the applicant's.
    static func applicantSignedCopyExists(forRequest code: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM intake_signing_sessions
                           WHERE request_code = ? AND signed_copy_sealed IS NOT NULL AND signer_phone_fingerprint IS NULL)
            """), arguments: [code]) ?? false
    }

    /// The sealed signed copy of the request's latest signed session; `nil` before a signature,
    /// or for one signed before copies were kept.
    static func sealedSignedCopy(forRequest code: String, in db: Database) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: """
            SELECT signed_copy_sealed FROM intake_signing_sessions
            WHERE request_code = ? AND signed_at IS NOT NULL AND signed_copy_sealed IS NOT NULL
            ORDER BY signed_at DESC, rowid DESC LIMIT 1
            """), arguments: [code])
    }

    private static func recordIssue(contractNumber: String, requestCode: String, at date: Date, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO intake_signing_code_issues (contract_number, request_code, issued_at) VALUES (?, ?, ?)")
            .execute(arguments: [contractNumber, requestCode, date.timeIntervalSince1970])
    }
}
