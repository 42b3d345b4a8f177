import Foundation
import GRDB
import WorkingCalendar

/// Builds the monthly meter-split report from the members' split records.
struct SplitReportReader: Sendable {
    /// The report of `unit` (every unit when `nil`) for the month starting on `firstDay` (Vietnam time).
    func report(unit: String?, month firstDay: CalendarDay, in db: Database) throws -> SplitReport {
        let nextMonth = CalendarDay(year: firstDay.month == 12 ? firstDay.year + 1 : firstDay.year,
                                    month: firstDay.month % 12 + 1, day: 1)
        let unitFilter = unit == nil ? "" : "AND d.unit = :unit"
        var arguments: StatementArguments = [
            "from": firstDay.start().timeIntervalSince1970, "to": nextMonth.start().timeIntervalSince1970,
        ]
        if let unit { arguments += ["unit": unit] }
        let splits = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.member_id, m.left_at, m.split_customer_code, d.dossier_id, d.customer_code
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.left_reason = 'split' AND m.left_at >= :from AND m.left_at < :to \(unitFilter)
            ORDER BY m.left_at
            """), arguments: arguments).map { row in
                SplitReport.Split(subHouseholdId: SubHouseholdReference(memberId: row["member_id"]).description,
                                  dossierId: row["dossier_id"], customerCode: row["customer_code"],
                                  newCustomerCode: row["split_customer_code"],
                                  splitAt: Date(timeIntervalSince1970: row["left_at"]))
            }
        let wishes = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.member_id, m.not_split_reason, m.not_split_note, d.dossier_id, d.customer_code
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.wants_split = 1 AND m.left_at IS NULL \(unitFilter)
            ORDER BY d.customer_code, m.member_id
            """), arguments: arguments).map { row in
                SplitReport.Wish(subHouseholdId: SubHouseholdReference(memberId: row["member_id"]).description,
                                 dossierId: row["dossier_id"], customerCode: row["customer_code"],
                                 reason: (row["not_split_reason"] as String?).flatMap(NotSplitReason.init(rawValue:)),
                                 note: row["not_split_note"])
            }
        let counts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.not_split_reason, COUNT(*) AS households
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.role = 'sub' AND m.left_at IS NULL \(unitFilter)
            GROUP BY m.not_split_reason ORDER BY households DESC
            """), arguments: arguments).map { row in
                let reason = (row["not_split_reason"] as String?).flatMap(NotSplitReason.init(rawValue:))
                return SplitReport.ReasonCount(
                    reason: reason, labelVi: reason?.label.vi ?? "Chưa ghi nhận lý do",
                    labelEn: reason?.label.en ?? "No reason recorded", households: row["households"])
            }
        return SplitReport(month: String(firstDay.description.prefix(7)), unit: unit, splitsDone: splits,
                           pendingWishes: wishes, notSplitByReason: counts)
    }
}
