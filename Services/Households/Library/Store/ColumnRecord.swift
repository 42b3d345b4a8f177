import GRDB

/// A record whose columns are the cases of ``ColumnName``, each given its value in one exhaustive
/// `switch` (``subscript(_:)``): encoding and insertion both read that one `switch`, so no
/// column is ever bound by position, and a column added to the record cannot be forgotten.
///
/// Insertion goes through one cached statement with the values bound directly: an import
/// writes hundreds of thousands of rows, and GRDB's generic `insert` (a keyed container and a
/// statement rebuilt per row) cost more per row than the insert itself.
protocol ColumnRecord: PersistableRecord {
    associatedtype ColumnName: CodingKey & CaseIterable & RawRepresentable<String>

    /// `INSERT INTO <table> (<every column>) VALUES (?, …)`: ``insertRow(into:)``'s statement.
    static var insertSQL: String { get }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? { get }
}

extension ColumnRecord {
    /// ``insertSQL``'s text, to be kept in a `static let`.
    static func makeInsertSQL() -> String {
        let names = ColumnName.allCases.map(\.rawValue)
        return "INSERT INTO \(databaseTableName) (\(names.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: names.count)))"
    }

    func encode(to container: inout PersistenceContainer) {
        for column in ColumnName.allCases {
            container[column.rawValue] = self[column]
        }
    }

    /// Inserts the record's row.
    func insertRow(into db: Database) throws {
        let values: [(any DatabaseValueConvertible)?] = ColumnName.allCases.map { self[$0] }
        try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(values))
    }
}
