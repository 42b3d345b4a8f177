import GRDB
import Synchronization

/// A record written by GRDB's `Encodable` insert (`.insert(db)`) into a table whose columns are
/// its properties in snake case (`openedAt` → `opened_at`), with dates stored as seconds since
/// 1970: the form every service's tables keep them in, so each row type states only its columns.
public protocol SnakeCaseRecord: Encodable, PersistableRecord {}

extension SnakeCaseRecord {
    /// GRDB's snake case, remembered per key (``SnakeCaseColumns``).
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in SnakeCaseColumns.column(forKey: key.stringValue) }
    }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
}

/// The column of each property name, as GRDB's `.convertToSnakeCase` names it, worked out once
/// per name. GRDB converts every key of every row it writes again, through Foundation's
/// character sets: for a ticket or a request, more CPU than the rest of writing the row.
enum SnakeCaseColumns {
    private static let columns = Mutex<[String: String]>([:])

    static func column(forKey key: String) -> String {
        if let column = columns.withLock({ $0[key] }) { return column }
        let column = GRDBSnakeCase(key: key).column
        columns.withLock { $0[key] = column }
        return column
    }

    /// One key written with GRDB's own strategy, so that the name is GRDB's exactly.
    private struct GRDBSnakeCase: EncodableRecord, Encodable {
        static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
        let key: String

        var column: String {
            (try? databaseDictionary.keys.first) ?? key
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: key))
        }

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
