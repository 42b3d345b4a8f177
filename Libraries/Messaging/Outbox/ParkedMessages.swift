import Foundation
import GRDB

/// Outbox rows the broker kept refusing (returned as unroutable, or nacked), set aside so that
/// the relay goes on with the rest, until an operator re-sends them.
///
/// Order per destination (exchange and routing key) is kept: while a destination has a parked
/// row, every later row for it is parked behind it instead of overtaking it, and a re-send puts
/// all of a destination's parked rows back in the outbox together, oldest first. Rows for other
/// destinations are not held.
public enum ParkedMessages {
    /// Moves the outbox row `seq` into the parked rows, parked `at` that instant.
    static func park(seq: Int64, at date: Date, in db: Database) throws {
        try moveToParked(where: "seq = ?", arguments: [seq], at: date, in: db)
    }

    /// Parks the pending rows whose destination already has a parked row; returns how many.
    static func parkBehindParked(at date: Date, in db: Database) throws -> Int {
        try moveToParked(
            where: """
                seq > (SELECT sent_through FROM messaging_outbox_cursor WHERE id = 1) AND confirmed_at IS NULL
                AND EXISTS (SELECT 1 FROM messaging_outbox_parked p
                            WHERE p.exchange = messaging_outbox.exchange AND p.routing_key = messaging_outbox.routing_key)
                """,
            arguments: [], at: date, in: db
        )
    }

    /// Whether any row is parked: the relay's check before every batch, so it must stay cheap.
    static func any(in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM messaging_outbox_parked)")) ?? false
    }

    /// How many rows are parked.
    public static func count(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM messaging_outbox_parked")) ?? 0
    }

    /// Up to `limit` parked rows, oldest first.
    public static func list(limit: Int = 1000, in db: Database) throws -> [ParkedMessage] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT message_id, message_type, exchange, routing_key, correlation_id, created_at, attempts, last_error, parked_at
            FROM messaging_outbox_parked ORDER BY seq LIMIT ?
            """), arguments: [limit]).map(ParkedMessage.init(row:))
    }

    /// Puts parked rows back at the end of the outbox, where the running relay publishes them
    /// (and parks them again if the broker still refuses them): the rows with these message ids
    /// together with every other parked row of the same destinations, in their first order; every
    /// parked row when `messageIds` is nil. Returns the message ids put back, in that order.
    public static func resend(messageIds: Set<String>?, in db: Database) throws -> [String] {
        let chosen: String
        var arguments = StatementArguments()
        if let messageIds {
            guard !messageIds.isEmpty else { return [] }
            chosen = """
                WHERE (exchange, routing_key) IN (
                    SELECT exchange, routing_key FROM messaging_outbox_parked
                    WHERE message_id IN (\(databaseQuestionMarks(count: messageIds.count))))
                """
            arguments = StatementArguments(Array(messageIds))
        } else {
            chosen = ""
        }
        let rows = try Row.fetchAll(db, sql: "SELECT seq, message_id FROM messaging_outbox_parked \(chosen) ORDER BY seq",
                                    arguments: arguments)
        for row in rows {
            let seq: Int64 = row["seq"]
            // One row at a time, oldest first: each gets the next outbox seq, so the order holds.
            try db.cachedStatement(sql: """
                INSERT INTO messaging_outbox (\(Outbox.messageColumns))
                SELECT \(Outbox.messageColumns) FROM messaging_outbox_parked WHERE seq = ?
                """).execute(arguments: [seq])
            try db.cachedStatement(sql: "DELETE FROM messaging_outbox_parked WHERE seq = ?").execute(arguments: [seq])
        }
        return rows.map { $0["message_id"] }
    }

    @discardableResult
    private static func moveToParked(where condition: String, arguments: StatementArguments, at date: Date,
                                     in db: Database) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT INTO messaging_outbox_parked (seq, \(Outbox.messageColumns), attempts, last_error, parked_at)
            SELECT seq, \(Outbox.messageColumns), attempts, last_error, ? FROM messaging_outbox WHERE \(condition)
            """).execute(arguments: StatementArguments([date.timeIntervalSince1970]) + arguments)
        let moved = db.changesCount
        try db.cachedStatement(sql: """
            DELETE FROM messaging_outbox WHERE seq IN (SELECT seq FROM messaging_outbox_parked)
            """).execute()
        return moved
    }
}
