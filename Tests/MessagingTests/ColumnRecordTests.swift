import Foundation
import GRDB
import Messaging
import TestSupport
import Testing

/// A ``ColumnRecord`` writes each value into the column its case names, and keeps the conflict
/// rule it was made with: an upsert replaces the row of its key, `INSERT OR IGNORE` keeps the first.
@Suite struct ColumnRecordTests {
    @Test func anUpsertReplacesEveryColumnOfTheRowWithTheSameKey() throws {
        let store = try Self.store()
        try store.pool.write { db in
            try Reading(meter: "M-1", route: "R-1", day: 3, note: "first").insertRow(into: db)
            try Reading(meter: "M-2", route: "R-1", day: 5, note: nil).insertRow(into: db)
            try Reading(meter: "M-1", route: "R-9", day: 7, note: nil).insertRow(into: db)
        }
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT meter, route, day, note FROM readings ORDER BY meter")
        }
        #expect(rows == [["meter": "M-1", "route": "R-9", "day": 7, "note": nil],
                         ["meter": "M-2", "route": "R-1", "day": 5, "note": nil]])
    }

    @Test func anInsertOrIgnoreKeepsTheFirstRowOfAKey() throws {
        let store = try Self.store()
        try store.pool.write { db in
            try Reading(meter: "M-1", route: "R-1", day: 3, note: "first")
                .insertRow(into: db, using: Reading.makeInsertSQL(or: .ignore))
            try Reading(meter: "M-1", route: "R-9", day: 7, note: "second")
                .insertRow(into: db, using: Reading.makeInsertSQL(or: .ignore))
            #expect(db.changesCount == 0)
        }
        let note = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT note FROM readings") }
        #expect(note == "first")
    }

    private static func store() throws -> TemporaryStore {
        try TemporaryStore { migrator in
            migrator.registerMigration("test.readings") { db in
                try db.execute(sql: """
                    CREATE TABLE readings (meter TEXT PRIMARY KEY, route TEXT NOT NULL, day INTEGER NOT NULL, note TEXT)
                    """)
            }
        }
    }
}

/// A meter's reading route, kept once per meter.
private struct Reading: ColumnRecord {
    static let databaseTableName = "readings"
    static let insertSQL = makeUpsertSQL(key: .meter)

    var meter: String
    var route: String
    var day: Int
    var note: String?

    enum ColumnName: String, CodingKey, CaseIterable {
        case meter, route, day, note
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .meter: meter
        case .route: route
        case .day: day
        case .note: note
        }
    }
}
