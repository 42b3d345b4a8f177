import Foundation
import GRDB

/// Where a service writes the messages a state change causes, in the same
/// SQLite transaction as the change: either both commit or neither does.
///
/// The relay publishes committed rows; this type only records them and, on
/// commit, wakes the relay so that messages leave within milliseconds instead
/// of at the next poll.
public struct Outbox: Sendable {
    /// The service whose messages these are: the `app_id` of every message it sends.
    public let service: String
    /// The clock that stamps when rows were sent, confirmed and refused, and what is old enough
    /// to forget: the service's own, so that a test that moves it sees the outbox age with it.
    public let clock: WallClock
    let newRows: ThreadSignal
    /// Raises ``newRows`` when a transaction that enqueued rows commits.
    private let wake: CommitHook

    public init(service: String, clock: WallClock = .system) {
        self.service = service
        self.clock = clock
        let newRows = ThreadSignal(autoReset: true)
        self.newRows = newRows
        wake = CommitHook { newRows.raise() }
    }

    /// Records `message` for publication when the surrounding transaction commits.
    public func enqueue(_ message: OutgoingMessage, in db: Database) throws {
        try OutboxRow(message).insertRow(into: db)
        wake.arm(in: db)
    }

    /// The columns that make up a message, as the outbox and the parked rows both store it.
    static let messageColumns = OutboxRow.columnList

    /// Messages not yet confirmed by the broker, oldest first; only those behind `seq` when
    /// given (the relay's next batch while the previous one waits for its confirms).
    public func pending(after seq: Int64 = 0, in db: Database, limit: Int) throws -> [PendingMessage] {
        try Array(Row.fetchCursor(db.cachedStatement(sql: """
            SELECT seq, \(Self.messageColumns), attempts, last_error, failing_since
            FROM messaging_outbox
            WHERE seq > max((SELECT sent_through FROM messaging_outbox_cursor WHERE id = 1), ?) AND confirmed_at IS NULL
            ORDER BY seq LIMIT ?
            """), arguments: [seq, limit]).map(PendingMessage.init(row:)))
    }

    /// How many messages wait for the broker.
    public func backlog(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM messaging_outbox
            WHERE seq > (SELECT sent_through FROM messaging_outbox_cursor WHERE id = 1) AND confirmed_at IS NULL
            """)) ?? 0
    }

    /// When the broker last confirmed messages, if it ever did.
    public func lastConfirmed(in db: Database) throws -> Date? {
        try Double.fetchOne(db.cachedStatement(sql: "SELECT sent_at FROM messaging_outbox_cursor WHERE id = 1"))
            .map(Date.init(timeIntervalSince1970:))
    }

    /// Marks every message up to `seq` sent: the relay confirmed them all, in order.
    func markSent(through seq: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE messaging_outbox_cursor SET sent_through = max(sent_through, ?), sent_at = ? WHERE id = 1
            """).execute(arguments: [seq, clock.preciseNow().timeIntervalSince1970])
    }

    /// Marks rows the broker confirmed behind one it refused: they are sent, though the
    /// cursor cannot pass them yet.
    func markConfirmed(_ seqs: [Int64], in db: Database) throws {
        let now = clock.preciseNow().timeIntervalSince1970
        for seq in seqs {
            try db.cachedStatement(sql: "UPDATE messaging_outbox SET confirmed_at = ? WHERE seq = ?").execute(arguments: [now, seq])
        }
    }

    /// Counts a refusal of the row and notes when the refusals began.
    func recordFailure(seq: Int64, error: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE messaging_outbox SET attempts = attempts + 1, last_error = ?, failing_since = coalesce(failing_since, ?)
            WHERE seq = ?
            """).execute(arguments: [error, clock.preciseNow().timeIntervalSince1970, seq])
    }

    /// Forgets sent messages created before `date`, oldest first and at most
    /// `limit` of them a call; the outbox is a queue, not an archive.
    func prune(createdBefore date: Date, limit: Int = 50_000, in db: Database) throws {
        try db.cachedStatement(sql: """
            DELETE FROM messaging_outbox WHERE seq IN (
                SELECT seq FROM messaging_outbox
                WHERE seq <= (SELECT sent_through FROM messaging_outbox_cursor WHERE id = 1) OR confirmed_at IS NOT NULL
                ORDER BY seq LIMIT ?
            ) AND created_at < ?
            """).execute(arguments: [limit, date.timeIntervalSince1970])
    }
}

/// One outbox row waiting for the broker.
public struct PendingMessage: Sendable {
    public var seq: Int64
    public var message: OutgoingMessage
    /// Failed publication attempts so far, and why the last one failed.
    public var attempts: Int
    public var lastError: String?
    /// When the broker first refused it, if it did.
    public var failingSince: Date?

    /// Reads a row of ``Outbox/pending(after:in:limit:)`` by position: `seq`, the message's
    /// columns in ``OutboxRow/ColumnName``'s order, then the attempts. Reading by name made GRDB
    /// lowercase every column name of every row the relay read (2 % of a busy relay's CPU), and
    /// the rows are read from the cursor in place, not copied first.
    init(row: Row) throws {
        func at(_ name: OutboxRow.ColumnName) -> Int { 1 + OutboxRow.position[name]! }
        let afterMessage = 1 + OutboxRow.ColumnName.allCases.count
        seq = row[0]
        attempts = row[afterMessage]
        lastError = row[afterMessage + 1]
        failingSince = (row[afterMessage + 2] as Double?).map(Date.init(timeIntervalSince1970:))
        let headersJSON: String? = row[at(.headers)]
        let headers = try headersJSON.map {
            try JSONCoding.decoder.decode([String: AMQPFieldValue].self, from: Data($0.utf8))
        } ?? [:]
        let type: String = row[at(.messageType)]
        // Rows are written from `Envelope.type`, so the type always parses.
        let (routingKey, version) = Envelope.parse(type: type) ?? (type, 1)
        let envelope = Envelope(
            messageId: row[at(.messageId)], routingKey: routingKey, version: version,
            timestamp: Date(timeIntervalSince1970: row[at(.createdAt)]), correlationId: row[at(.correlationId)],
            causationId: row[at(.causationId)], traceparent: row[at(.traceparent)], appId: row[at(.appId)],
            replyTo: row[at(.replyTo)], body: row[at(.body)]
        )
        message = OutgoingMessage(exchange: row[at(.exchange)], routingKey: row[at(.routingKey)],
                                  mandatory: row[at(.mandatory)], envelope: envelope, headers: headers,
                                  expiration: (row[at(.expirationMs)] as Int?).map { Duration.milliseconds($0) })
    }
}
