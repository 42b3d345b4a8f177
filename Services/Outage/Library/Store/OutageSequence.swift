import GRDB

/// The next number of a branch's incidents or planned outages, in the transaction that uses it.
enum OutageSequence {
    /// `SC-PC05TK-000017`: the 17th incident of branch PC05TK.
    static func nextIncidentId(branchCode: String, in db: Database) throws -> String {
        "SC-\(branchCode)-\(pad(try next("SC-\(branchCode)", in: db)))"
    }

    /// `KH-PC05TK-000003`: the 3rd planned outage (*kế hoạch*) of branch PC05TK.
    static func nextPlannedOutageId(branchCode: String, in db: Database) throws -> String {
        "KH-\(branchCode)-\(pad(try next("KH-\(branchCode)", in: db)))"
    }

    private static func next(_ name: String, in db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO outage_sequences (name, value) VALUES (?, 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value
            """)
        return try Int.fetchOne(statement, arguments: [name]) ?? 1
    }

    private static func pad(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
