import Foundation
import GRDB
import PersonalData

/// The supply points outage places reports and planned outages with; phones sealed.
struct SupplyPointRegistry: Sendable {
    let personalData: PersonalDataProtector

    /// Why the billing system's row for a supply point was not kept.
    enum Refusal: Error, Equatable {
        /// The customer code is another branch's: a record never moves between branches, so one
        /// branch's file cannot take over another's customer and the phone its notices go to.
        case otherBranch
        /// The record came from the customer's signed contract, which is newer than any billing
        /// export: the commune and phone the customer signed for stay until crm changes them.
        case signedContract
    }

    /// Adds or replaces one supply point as the billing system exports it, unless the customer
    /// code is already another branch's or was recorded from a signed contract.
    ///
    /// - Returns: why the row was not kept, or `nil` when it was.
    func upsert(_ point: SupplyPoint, phone: (e164: String, masked: String)?, at now: Date,
                in db: Database) throws -> Refusal? {
        try SupplyPointRow(
            customerCode: point.customerCode, branchCode: point.branchCode, communeCode: point.communeCode,
            stationCode: point.stationCode, phoneSealed: phone.map { personalData.seal($0.e164) }, phoneMasked: phone?.masked,
            importedAt: now.timeIntervalSince1970, contractNumber: nil
        ).insertRow(into: db)
        guard db.changesCount == 0 else { return nil }
        let contractNumber = try String.fetchOne(db.cachedStatement(sql: """
            SELECT contract_number FROM outage_supply_points WHERE customer_code = ?
            """), arguments: [point.customerCode])
        return contractNumber == nil ? .otherBranch : .signedContract
    }

    /// Records the supply point a signed contract opened, replacing what the billing system
    /// exported for it. The row is dated by the signature and only a newer contract event
    /// replaces it, so a redelivered or late event leaves it as it is; it never moves branch.
    func record(_ point: SupplyPoint, contractNumber: String, phone: (e164: String, masked: String)?,
                signedAt: Date, in db: Database) throws {
        try SupplyPointRow(
            customerCode: point.customerCode, branchCode: point.branchCode, communeCode: point.communeCode,
            stationCode: nil, phoneSealed: phone.map { personalData.seal($0.e164) }, phoneMasked: phone?.masked,
            importedAt: signedAt.timeIntervalSince1970, contractNumber: contractNumber
        ).insertRow(into: db, using: SupplyPointRow.signedContractSQL)
    }

    /// Gives the supply point of a contract that passed to a new holder the new holder's phone
    /// (none when crm knows none: the one leaving is texted no more), dated by the change, so an
    /// older change leaves it as it is. A change dated the second its contract was signed still
    /// applies (crm's times are whole seconds, and a change always follows the signing it
    /// changes); a redelivered one writes the same values again. The point keeps its commune and branch.
    ///
    /// - Returns: `false` when outage knows no supply point of the customer code in `branchCode`.
    func changeHolder(customerCode: String, branchCode: String, contractNumber: String,
                      phone: (e164: String, masked: String)?, changedAt: Date, in db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE outage_supply_points SET phone_sealed = ?, phone_masked = ?, imported_at = ?, contract_number = ?
            WHERE customer_code = ? AND branch_code = ? AND (contract_number IS NULL OR imported_at <= ?)
            """).execute(arguments: [phone.map { personalData.seal($0.e164) }, phone?.masked, changedAt.timeIntervalSince1970,
                                     contractNumber, customerCode, branchCode, changedAt.timeIntervalSince1970])
        return try Self.point(customerCode: customerCode, in: db)?.branchCode == branchCode
    }

    /// Drops the supply point of `customerCode` in `branchCode` whose contract ended at `endedAt`:
    /// its phone gets no more outage texts and its look-ups answer as for an unknown code. A point
    /// recorded after the end (a contract signed later for the code) stays; a redelivered end
    /// finds nothing to drop.
    ///
    /// - Returns: whether a supply point was dropped.
    func end(customerCode: String, branchCode: String, endedAt: Date, in db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            DELETE FROM outage_supply_points WHERE customer_code = ? AND branch_code = ? AND imported_at <= ?
            """).execute(arguments: [customerCode, branchCode, endedAt.timeIntervalSince1970])
        return db.changesCount > 0
    }

    /// The supply point of `customerCode`, if the billing system exported it or crm signed its contract.
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
