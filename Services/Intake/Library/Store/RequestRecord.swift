import Contracts
import Foundation
import GRDB

/// What tracking and signing need of a stored request: whose phone opens it, and its branch.
struct RequestRecord: Sendable {
    var requestCode: String
    /// The branch as the customer was told it at submission.
    var branch: Branch
    var submittedAt: Date
    /// How the request reached the company: the portal, or the call centre for a caller.
    var channel: Channel
    /// The keyed fingerprint of the applicant's phone in E.164.
    var phoneFingerprint: String
    /// The applicant's phone, sealed; opened only to send a signing code to it.
    var sealedPhone: Data

    /// The request as its contract's signer opens it: with the signer's phone in place of the
    /// applicant's when the signer is another person (a change of holder's new holder), so
    /// that the code goes to, and the signature confirms, the signer's phone.
    func signedBy(_ signer: SigningSession.Signer?) -> RequestRecord {
        guard let signer else { return self }
        var record = self
        record.phoneFingerprint = signer.phoneFingerprint
        record.sealedPhone = signer.sealedPhone
        return record
    }

    /// The request (a connection or a service request) with this code, if it keeps the
    /// applicant's phone (requests filed before intake kept sealed phones do not, and cannot
    /// be opened by phone).
    static func find(_ code: String, in db: Database) throws -> RequestRecord? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT request_code, branch_code, branch_name, branch_hotline, submitted_at, channel, applicant_phone_fingerprint,
                   applicant_phone_sealed
            FROM intake_requests
            WHERE request_code = ?1 AND applicant_phone_fingerprint IS NOT NULL
            UNION ALL
            SELECT request_code, branch_code, branch_name, branch_hotline, submitted_at, channel, phone_fingerprint, phone_sealed
            FROM intake_service_requests
            WHERE request_code = ?1
            """), arguments: [code]).map { row in
            RequestRecord(
                requestCode: row["request_code"],
                branch: Branch(code: row["branch_code"], name: row["branch_name"], hotline: row["branch_hotline"]),
                submittedAt: Date(timeIntervalSince1970: row["submitted_at"]),
                channel: Channel(rawValue: row["channel"]) ?? .web,
                phoneFingerprint: row["applicant_phone_fingerprint"], sealedPhone: row["applicant_phone_sealed"])
        }
    }
}
