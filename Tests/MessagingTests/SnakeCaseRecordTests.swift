import Foundation
import GRDB
import Messaging
import TestSupport
import Testing

/// A ``SnakeCaseRecord`` lands in the snake-case columns GRDB's `.convertToSnakeCase` names,
/// acronyms and digits included, on its first insert and on every later one.
@Suite struct SnakeCaseRecordTests {
    private struct Delivery: SnakeCaseRecord {
        static let databaseTableName = "deliveries"
        var deliveryId: String
        var openedAt: Date
        var smsURLSent: Bool
        var x509Serial: Int?
        var note: String
    }

    @Test func everyPropertyLandsInItsSnakeCaseColumnEachTime() throws {
        let store = try TemporaryStore { migrator in
            migrator.registerMigration("test.deliveries") { db in
                try db.execute(sql: """
                    CREATE TABLE deliveries (delivery_id TEXT PRIMARY KEY, opened_at REAL NOT NULL,
                        sms_url_sent INTEGER NOT NULL, x509_serial INTEGER, note TEXT NOT NULL)
                    """)
            }
        }
        try store.pool.write { db in
            for index in 1...3 {
                try Delivery(deliveryId: "D-\(index)", openedAt: Date(timeIntervalSince1970: Double(index)),
                             smsURLSent: index == 2, x509Serial: index == 3 ? 509 : nil, note: "lần \(index)").insert(db)
            }
        }
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT delivery_id, opened_at, sms_url_sent, x509_serial, note FROM deliveries ORDER BY delivery_id")
        }
        #expect(rows == [
            ["delivery_id": "D-1", "opened_at": 1.0, "sms_url_sent": 0, "x509_serial": nil, "note": "lần 1"],
            ["delivery_id": "D-2", "opened_at": 2.0, "sms_url_sent": 1, "x509_serial": nil, "note": "lần 2"],
            ["delivery_id": "D-3", "opened_at": 3.0, "sms_url_sent": 0, "x509_serial": 509, "note": "lần 3"],
        ])
    }
}
