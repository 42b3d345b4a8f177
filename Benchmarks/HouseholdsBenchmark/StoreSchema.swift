import Foundation
import GRDB
import Households
import PersonalData

/// The households store's schema exactly as the program's own migrations create it: every
/// table and index of a freshly migrated empty store, read back from its `sqlite_master`, so the
/// store-schema baseline can never drift from the product when a migration adds an index.
struct StoreSchema {
    /// `CREATE TABLE` statements first, then `CREATE INDEX` (and anything else), each in the
    /// order the migrations created them.
    let statements: [String]

    /// Migrates an empty store at `scratchPath` (removed again afterwards) and reads its schema.
    static func migrated(scratchPath: String, personalData: PersonalDataProtector) throws -> StoreSchema {
        let files = ["", "-wal", "-shm"].map { scratchPath + $0 }
        files.forEach { try? FileManager.default.removeItem(atPath: $0) }
        defer { files.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let statements = try HouseholdsProgram.openStore(path: scratchPath, personalData: personalData).database.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
                """)
        }
        return StoreSchema(statements: statements)
    }

    /// The statements as one script.
    var script: String {
        statements.map { $0 + ";" }.joined(separator: "\n")
    }

    /// How many of the statements create an index, for the run's description.
    var indexCount: Int {
        statements.filter { $0.uppercased().hasPrefix("CREATE INDEX") || $0.uppercased().hasPrefix("CREATE UNIQUE INDEX") }.count
    }
}
