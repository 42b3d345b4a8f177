import Contracts
import Foundation
import GRDB
import PersonalData

/// Compares the billing system's household counts with the counts the dossiers support.
///
/// Reads the counts the dossiers keep (``HouseholdCounter``), never recounting: two index
/// walks, one over the customers billed for two or more households, one over the active
/// dossiers of customers billed for one, instead of a pass over every customer.
struct Reconciliation: Sendable {
    /// Opens the customers' sealed names and addresses for the list.
    let personalData: PersonalDataProtector

    /// The customers of `unit` (every unit when `nil`) whose billed and supported counts differ,
    /// by branch and customer code; only those of `page` when one is asked for.
    func differences(unit: String?, page: ListPage? = nil, in db: Database) throws -> [RepricingEntry] {
        var query = ListQuery(unit: unit, unitColumn: "c.branch", page: page)
        if let after = page?.after {
            query.add("""
                AND (c.branch, c.customer_code) >
                    ((SELECT branch FROM households_customers WHERE customer_code = :after), :after)
                """, "after", after)
        }
        let rows = try Row.fetchCursor(db, sql: Self.select(query) + " ORDER BY 4, 1 \(query.limit)",
                                       arguments: query.arguments)
        var entries: [RepricingEntry] = []
        while let row = try rows.next() {
            let billedSince: Double = row["count_since"]
            let supportedSince: Double = row["quarters_since"] ?? billedSince
            entries.append(RepricingEntry(
                customerCode: row["customer_code"], name: try personalData.open(row["name_sealed"]),
                address: try personalData.open(row["address_sealed"]), branch: row["branch"],
                dossierId: row["dossier_id"], billed: HouseholdQuarters(quarters: row["household_quarters"]),
                supported: HouseholdQuarters(quarters: row["supported"]),
                since: Date(timeIntervalSince1970: max(billedSince, supportedSince))))
        }
        return entries
    }

    /// How many customers of `unit` (every unit when `nil`) the list holds: what the printed
    /// list's heading states before its rows are written, counted without opening a name.
    func count(unit: String?, in db: Database) throws -> Int {
        let query = ListQuery(unit: unit, unitColumn: "c.branch", page: nil)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(Self.select(query)))", arguments: query.arguments) ?? 0
    }

    /// The list's rows, unordered: the customers billed for more households than one whose
    /// dossier supports another count (or who have none), then the customers billed for one
    /// whose active dossier supports another.
    private static func select(_ query: ListQuery) -> String {
        """
        SELECT c.customer_code, c.name_sealed, c.address_sealed, c.branch, c.household_quarters, c.count_since,
            d.dossier_id, COALESCE(d.effective_quarters, 4) AS supported, d.quarters_since
        FROM households_customers c INDEXED BY households_customers_shared
        LEFT JOIN households_dossiers d ON d.customer_code = c.customer_code AND d.status = 'active'
        WHERE c.household_quarters > 4 AND c.in_export = 1 \(query.conditions)
            AND c.household_quarters <> COALESCE(d.effective_quarters, 4)
        UNION ALL
        SELECT c.customer_code, c.name_sealed, c.address_sealed, c.branch, c.household_quarters, c.count_since,
            d.dossier_id, d.effective_quarters AS supported, d.quarters_since
        FROM households_dossiers d JOIN households_customers c ON c.customer_code = d.customer_code
        WHERE d.status = 'active' AND c.in_export = 1 AND c.household_quarters <= 4 \(query.conditions)
            AND d.effective_quarters <> c.household_quarters
        """
    }
}
