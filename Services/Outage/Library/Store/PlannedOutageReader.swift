import Contracts
import Foundation
import GRDB

/// The planned-outage schedule as dispatch and customers read it.
enum PlannedOutageReader {
    static func outage(_ id: String, in db: Database) throws -> PlannedOutage? {
        try outages(where: "p.planned_outage_id = ?", [id], in: db).first
    }

    /// A branch's outages (every branch's for `nil`) ending after `from`, soonest first.
    static func outages(branchCode: String?, from: Date, in db: Database) throws -> [PlannedOutage] {
        guard let branchCode else { return try outages(where: "p.ends_at > ?", [from.timeIntervalSince1970], in: db) }
        return try outages(where: "p.branch_code = ? AND p.ends_at > ?", [branchCode, from.timeIntervalSince1970], in: db)
    }

    /// The outages of a commune overlapping `from`…`to`, soonest first, cancelled ones included.
    static func outages(communeCode: String, from: Date, to: Date, in db: Database) throws -> [PlannedOutage] {
        try outages(where: """
            p.planned_outage_id IN (SELECT planned_outage_id FROM outage_planned_areas WHERE commune_code = ?)
            AND p.ends_at > ? AND p.starts_at < ?
            """, [communeCode, from.timeIntervalSince1970, to.timeIntervalSince1970], in: db)
    }

    private static func outages(where condition: String, _ arguments: StatementArguments, in db: Database) throws -> [PlannedOutage] {
        try Row.fetchAll(db, sql: """
            SELECT p.*, (SELECT group_concat(commune_code) FROM
                (SELECT commune_code FROM outage_planned_areas a WHERE a.planned_outage_id = p.planned_outage_id
                 ORDER BY commune_code)) AS communes
            FROM outage_planned p WHERE \(condition) ORDER BY p.starts_at, p.planned_outage_id
            """, arguments: arguments).map { row in
            PlannedOutage(
                plannedOutageId: row["planned_outage_id"],
                branch: Branch(code: row["branch_code"], name: row["branch_name"], hotline: row["branch_hotline"]),
                communeCodes: (row["communes"] as String?)?.split(separator: ",").map(String.init) ?? [],
                location: row["location"], reason: row["reason"],
                startsAt: Date(timeIntervalSince1970: row["starts_at"]), endsAt: Date(timeIntervalSince1970: row["ends_at"]),
                status: PlannedOutage.Status(rawValue: row["status"]) ?? .scheduled, revision: row["revision"],
                urgentReason: row["urgent_reason"])
        }
    }
}
