import Contracts
import Foundation
import GRDB
import PersonalData

/// What staff read about dossiers beyond one dossier: a unit's list, searchable, and one
/// dossier's history of counts.
struct DossierCatalogue: Sendable {
    let personalData: PersonalDataProtector

    /// The dossiers of `unit` (every unit's when `nil`) in dossier order, those `search` asks for;
    /// with a `page`, at most its limit after the dossier `page.after`.
    ///
    /// Holders' names are sealed, so a search by name opens them: the walk reads the unit's
    /// dossiers in key order and stops when the page is full, never holding more than a page.
    func list(unit: String?, search: DossierSearch?, page: ListPage?, in db: Database) throws -> DossierList {
        var query = ListQuery(unit: unit, unitColumn: "d.unit", page: nil)
        if let after = page?.after {
            query.add("AND d.dossier_id > :after", "after", after)
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.dossier_id, d.unit, d.customer_code, d.status, d.opened_at, d.effective_quarters,
                (SELECT m.name_sealed FROM households_members m WHERE m.dossier_id = d.dossier_id AND m.role = 'main'
                 ORDER BY m.member_id LIMIT 1) AS name_sealed
            FROM households_dossiers d WHERE 1 \(query.conditions)
            ORDER BY d.dossier_id
            """, arguments: query.arguments)
        var dossiers: [DossierSummary] = []
        while let row = try rows.next() {
            let sealed: Data? = row["name_sealed"]
            let name = try sealed.map { sealed in try personalData.open(sealed) } ?? ""
            let customerCode: String = row["customer_code"]
            guard search?.matches(customerCode: customerCode, holderName: name) ?? true else { continue }
            dossiers.append(DossierSummary(
                dossierId: row["dossier_id"], unit: row["unit"], customerCode: customerCode, holderName: name,
                status: DossierStatus(rawValue: row["status"]) ?? .active,
                openedAt: Date(timeIntervalSince1970: row["opened_at"]),
                allowance: HouseholdQuarters(quarters: row["effective_quarters"]).shown))
            if dossiers.count == page?.limit { break }
        }
        return DossierList(unit: unit, query: search?.text, dossiers: dossiers,
                           next: page?.next(dossiers, key: \.dossierId))
    }

    /// Every change of the dossier's count, latest first.
    func history(dossierId: String, in db: Database) throws -> [CountChange] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT previous_quarters, new_quarters, reason, effective_on, changed_at FROM households_count_changes
            WHERE dossier_id = ? ORDER BY changed_at DESC, rowid DESC
            """), arguments: [dossierId]).compactMap { row in
                guard let reason = HouseholdCountChanged.Reason(rawValue: row["reason"]) else { return nil }
                return CountChange(previous: HouseholdQuarters(quarters: row["previous_quarters"]).shown,
                                   new: HouseholdQuarters(quarters: row["new_quarters"]).shown, reason: reason,
                                   effectiveOn: row["effective_on"],
                                   changedAt: Date(timeIntervalSince1970: row["changed_at"]))
            }
    }
}
