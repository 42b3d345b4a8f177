import GRDB

/// A record written by GRDB's `Encodable` insert (`.insert(db)`) into a table whose columns are
/// its properties in snake case (`openedAt` → `opened_at`), with dates stored as seconds since
/// 1970: the form every service's tables keep them in, so each row type states only its columns.
public protocol SnakeCaseRecord: Encodable, PersistableRecord {}

extension SnakeCaseRecord {
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}
