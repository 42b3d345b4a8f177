import Contracts
import Foundation
import GRDB
import PersonalData

/// The billing system's customers as last exported (`households_customers`): what each is
/// billed with, since when, and whether it is still in the export.
///
/// A customer's row remembers the import that last saw it, so an import finds a code repeated
/// in its own file and, at its end, the customers of its branches that it did not see.
///
/// The customer's name and address are sealed (`name_sealed`, `address_sealed`).
struct CustomerLedger: Sendable {
    let personalData: PersonalDataProtector

    /// What an import did with one row.
    enum Outcome: Sendable {
        case added
        case updated
        case unchanged
        /// This import already took the customer from an earlier row.
        case repeated
    }

    /// A customer of the export with its name and address sealed. An import seals while it
    /// reads the next batch, on the other core, so that its writer only writes.
    struct Sealed: Sendable {
        let record: CustomerRecord
        let name: Data
        let address: Data
    }

    /// `record` with its name and address sealed.
    func seal(_ record: CustomerRecord) -> Sealed {
        Sealed(record: record, name: personalData.seal(record.name), address: personalData.seal(record.address))
    }

    /// Adds or updates `record` as seen by import `importId`.
    ///
    /// Tries the insert first: on a first import nearly every customer is new, and one
    /// statement per row instead of a look-up and an insert is a third of the import's time.
    func upsert(_ customer: Sealed, importId: Int64, at now: Date, in db: Database) throws -> Outcome {
        let record = customer.record
        let at = now.timeIntervalSince1970
        try CustomerRow(
            customerCode: record.customerCode, nameSealed: customer.name, addressSealed: customer.address,
            branch: record.branch, areaClass: record.areaClass.rawValue,
            householdQuarters: record.households.quarters, countSince: at, lastImport: importId
        ).insertRow(into: db)
        if db.changesCount == 1 { return .added }
        guard let existing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT name_sealed, address_sealed, branch, area_class, household_quarters, last_import, in_export
            FROM households_customers WHERE customer_code = ?
            """), arguments: [record.customerCode]) else { return .repeated }
        if existing["last_import"] == importId { return .repeated }
        let same = try personalData.open(existing["name_sealed"]) == record.name
            && personalData.open(existing["address_sealed"]) == record.address
            && existing["branch"] == record.branch && existing["area_class"] == record.areaClass.rawValue
            && existing["household_quarters"] == record.households.quarters && existing["in_export"] == true
        try db.cachedStatement(sql: """
            UPDATE households_customers SET name_sealed = ?, address_sealed = ?, branch = ?, area_class = ?,
                count_since = CASE WHEN household_quarters = ? THEN count_since ELSE ? END, household_quarters = ?,
                last_import = ?, in_export = 1, left_at = NULL
            WHERE customer_code = ?
            """).execute(arguments: [customer.name, customer.address, record.branch,
                                     record.areaClass.rawValue,
                                     record.households.quarters, at, record.households.quarters, importId,
                                     record.customerCode])
        return same ? .unchanged : .updated
    }

    /// Marks the customers that import `importId` did not see, in the branches it saw, as gone
    /// from the export; returns how many. A branch none of whose rows the import took is left
    /// alone, so a file cut short or all rejected never empties a branch.
    func markDeparted(importId: Int64, at now: Date, in db: Database) throws -> Int {
        try db.cachedStatement(sql: """
            UPDATE households_customers SET in_export = 0, left_at = ?
            WHERE in_export = 1 AND last_import <> ?
                AND branch IN (SELECT DISTINCT branch FROM households_customers WHERE last_import = ?)
            """).execute(arguments: [now.timeIntervalSince1970, importId, importId])
        return db.changesCount
    }
}
