import GRDB

/// A record whose columns are the cases of ``ColumnName``, each given its value in one exhaustive
/// `switch` (``subscript(_:)``): encoding and insertion both read that one `switch`, so no
/// column is ever bound by position, and a column added to the record cannot be forgotten.
///
/// Insertion goes through one cached statement with the values bound directly: for rows written
/// at high rates (every outbox message, an import's hundreds of thousands of rows, a storm's
/// reports), GRDB's generic `insert` (a keyed container and a statement rebuilt per row) costs
/// more per row than the insert itself.
public protocol ColumnRecord: PersistableRecord {
    associatedtype ColumnName: CodingKey & CaseIterable & RawRepresentable<String>

    /// `INSERT INTO <table> (<every column>) VALUES (?, …)`: ``insertRow(into:)``'s statement.
    static var insertSQL: String { get }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? { get }
}

extension ColumnRecord {
    /// Every column, in ``ColumnName``'s order, joined for an SQL column list.
    public static var columnList: String {
        ColumnName.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// ``insertSQL``'s text, to be kept in a `static let`; `conflict` (`.ignore` for
    /// `INSERT OR IGNORE`) says what a row breaking a constraint does instead of failing.
    public static func makeInsertSQL(or conflict: Database.ConflictResolution? = nil) -> String {
        let verb = conflict.map { "INSERT OR \($0.rawValue)" } ?? "INSERT"
        return "\(verb) INTO \(databaseTableName) (\(columnList)) VALUES (\(databaseQuestionMarks(count: ColumnName.allCases.count)))"
    }

    public func encode(to container: inout PersistenceContainer) {
        for column in ColumnName.allCases {
            container[column.rawValue] = self[column]
        }
    }

    /// ``insertSQL``'s text for a row kept once per `key`: a row whose key is already there takes
    /// every other column's new value, so recording it again replaces it whole.
    public static func makeUpsertSQL(key: ColumnName) -> String {
        let updates = ColumnName.allCases.filter { $0.rawValue != key.rawValue }
            .map { "\($0.rawValue) = excluded.\($0.rawValue)" }
        return makeInsertSQL() + " ON CONFLICT (\(key.rawValue)) DO UPDATE SET \(updates.joined(separator: ", "))"
    }

    /// Inserts the record's row.
    public func insertRow(into db: Database) throws {
        try insertRow(into: db, using: Self.insertSQL)
    }

    /// Inserts the record's row with `sql`: one of the record's own statements that binds every
    /// column in ``ColumnName``'s order, for a row written under more than one conflict rule
    /// (an upsert that keeps what a newer source wrote, say).
    public func insertRow(into db: Database, using sql: String) throws {
        let values: [(any DatabaseValueConvertible)?] = ColumnName.allCases.map { self[$0] }
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
    }
}
