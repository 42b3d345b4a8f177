import Foundation
import GRDB
import PersonalData

/// The supply points outage places reports and planned outages with; phones sealed.
struct SupplyPointRegistry: Sendable {
    let personalData: PersonalDataProtector

    /// Adds or replaces one supply point as the billing system exports it, unless the customer
    /// code is already another branch's: a record never moves between branches, so one branch's
    /// file cannot take over another's customer and the phone its outage notices go to.
    ///
    /// - Returns: whether the row was kept; `false` when the code is another branch's.
    func upsert(_ point: SupplyPoint, phone: (e164: String, masked: String)?, at now: Date, in db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO outage_supply_points (customer_code, branch_code, commune_code, station_code, phone_sealed,
                phone_masked, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (customer_code) DO UPDATE SET branch_code = excluded.branch_code,
                commune_code = excluded.commune_code, station_code = excluded.station_code,
                phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
                imported_at = excluded.imported_at
            WHERE outage_supply_points.branch_code = excluded.branch_code
            """)
        try statement.execute(arguments: [
            point.customerCode, point.branchCode, point.communeCode, point.stationCode,
            phone.map { personalData.seal($0.e164) }, phone?.masked, now.timeIntervalSince1970,
        ])
        return db.changesCount == 1
    }

    /// The supply point of `customerCode`, if the billing system exported it.
    static func point(customerCode: String, in db: Database) throws -> SupplyPoint? {
        let statement = try db.cachedStatement(sql: """
            SELECT customer_code, branch_code, commune_code, station_code FROM outage_supply_points WHERE customer_code = ?
            """)
        return try Row.fetchOne(statement, arguments: [customerCode]).map {
            SupplyPoint(customerCode: $0[0], branchCode: $0[1], communeCode: $0[2], stationCode: $0[3])
        }
    }

    /// The reachable customers of `branchCode`'s communes in `communeCodes`, each with its phone opened.
    func reachable(branchCode: String, communeCodes: [String], in db: Database) throws -> [(customerCode: String, phone: String)] {
        guard !communeCodes.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: communeCodes.count).joined(separator: ", ")
        var arguments: StatementArguments = [branchCode]
        arguments += StatementArguments(communeCodes)
        return try Row.fetchAll(db, sql: """
            SELECT customer_code, phone_sealed FROM outage_supply_points
            WHERE branch_code = ? AND commune_code IN (\(marks)) AND phone_sealed IS NOT NULL
            ORDER BY customer_code
            """, arguments: arguments).map { row in
            (customerCode: row[0], phone: try personalData.open(row[1]))
        }
    }
}
