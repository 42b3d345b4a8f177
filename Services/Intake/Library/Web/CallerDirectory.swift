import Foundation
import GRDB
import PersonalData

/// The requests a caller has filed, for the call-centre console: found by the phone they
/// were filed with (its keyed fingerprint, never the number) or by a customer code, and only
/// those of the operator's unit when the operator belongs to a branch.
struct CallerDirectory: Sendable {
    /// The most recent requests shown.
    static let limit = 20

    struct Filed: Sendable {
        var requestCode: String
        var kind: String
        var submittedAt: Date
        var branchName: String
    }

    let database: DatabasePool
    let personalData: PersonalDataProtector

    /// - Parameter unit: the operator's branch; nil for the corporation's hotline, which serves every branch.
    func requests(phoneE164: String?, customerCode: String?, unit: String?) async throws -> [Filed] {
        // Every form the phone may be stored under: each configured key's fingerprint.
        let fingerprints = phoneE164.map(personalData.fingerprints) ?? [""]
        let marks = databaseQuestionMarks(count: fingerprints.count)
        return try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT request_code, request_kind, submitted_at, branch_name FROM intake_requests
                WHERE applicant_phone_fingerprint IN (\(marks)) AND ifnull(?, branch_code) = branch_code
                UNION ALL
                SELECT request_code, request_kind, submitted_at, branch_name FROM intake_service_requests
                WHERE (phone_fingerprint IN (\(marks)) OR customer_code = ?) AND ifnull(?, branch_code) = branch_code
                ORDER BY submitted_at DESC LIMIT \(Self.limit)
                """, arguments: StatementArguments(fingerprints) + [unit] + StatementArguments(fingerprints)
                    + [customerCode ?? "", unit]).map { row in
                Filed(requestCode: row["request_code"], kind: row["request_kind"],
                      submittedAt: Date(timeIntervalSince1970: row["submitted_at"]), branchName: row["branch_name"] ?? "")
            }
        }
    }
}
