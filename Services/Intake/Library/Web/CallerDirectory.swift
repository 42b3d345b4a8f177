import Foundation
import GRDB
import PersonalData

/// The requests and outage reports a caller has filed, for the call-centre console: found by the
/// phone they were filed with (its keyed fingerprint, never the number) or by a customer code,
/// and only those of the operator's unit when the operator belongs to a branch.
struct CallerDirectory: Sendable {
    /// The most recent requests shown.
    static let limit = 20

    struct Filed: Sendable {
        var requestCode: String
        var kind: String
        var submittedAt: Date
        var branchName: String
    }

    /// An outage report, as the console lists it.
    struct Reported: Sendable {
        var reportCode: String
        var customerCode: String?
        var channel: String
        var reportedAt: Date
    }

    /// How far back outage reports are shown: an outage is over within days.
    static let reportWindow: TimeInterval = 7 * 24 * 3600

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

    /// The caller's outage reports of the last ``reportWindow``, newest first.
    func outageReports(phoneE164: String?, customerCode: String?, unit: String?, since: Date) async throws -> [Reported] {
        let fingerprints = phoneE164.map(personalData.fingerprints) ?? [""]
        return try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT report_code, customer_code, channel, reported_at FROM intake_outage_reports
                WHERE (phone_fingerprint IN (\(databaseQuestionMarks(count: fingerprints.count))) OR customer_code = ?)
                    AND ifnull(?, branch_code) = branch_code AND reported_at >= ?
                ORDER BY reported_at DESC LIMIT \(Self.limit)
                """, arguments: StatementArguments(fingerprints) + [customerCode ?? "", unit, since.timeIntervalSince1970]).map { row in
                Reported(reportCode: row["report_code"], customerCode: row["customer_code"], channel: row["channel"],
                         reportedAt: Date(timeIntervalSince1970: row["reported_at"]))
            }
        }
    }

    /// The customer codes the caller's service requests and outage reports named.
    func customerCodes(phoneE164: String, unit: String?) async throws -> [String] {
        let fingerprints = personalData.fingerprints(phoneE164)
        let marks = databaseQuestionMarks(count: fingerprints.count)
        return try await database.read { db in
            try String.fetchAll(db, sql: """
                SELECT customer_code FROM intake_service_requests
                WHERE phone_fingerprint IN (\(marks)) AND customer_code IS NOT NULL AND ifnull(?, branch_code) = branch_code
                UNION
                SELECT customer_code FROM intake_outage_reports
                WHERE phone_fingerprint IN (\(marks)) AND customer_code IS NOT NULL AND ifnull(?, branch_code) = branch_code
                ORDER BY customer_code
                """, arguments: StatementArguments(fingerprints) + [unit] + StatementArguments(fingerprints) + [unit])
        }
    }
}
