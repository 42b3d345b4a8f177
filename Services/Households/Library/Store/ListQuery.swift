import GRDB

/// The unit filter and page of a report list's query: the SQL conditions and `LIMIT` to splice
/// in, and the named arguments they use, so every paged list narrows and pages alike.
struct ListQuery {
    /// ` AND …` conditions for the query's `WHERE`.
    private(set) var conditions = ""
    /// `LIMIT :limit` for a page; empty for the whole list.
    let limit: String
    private var values: [String: (any DatabaseValueConvertible)?]

    /// At most `page`'s limit when one is asked for.
    init(page: ListPage?, arguments: [String: (any DatabaseValueConvertible)?] = [:]) {
        values = arguments
        limit = page == nil ? "" : "LIMIT :limit"
        if let page {
            values["limit"] = page.limit
        }
    }

    /// Only `unit`'s rows (by `unitColumn`) when one is named; at most `page`'s limit when one is asked for.
    init(unit: String?, unitColumn: String, page: ListPage?, arguments: [String: (any DatabaseValueConvertible)?] = [:]) {
        self.init(page: page, arguments: arguments)
        if let unit {
            add("AND \(unitColumn) = :unit", "unit", unit)
        }
    }

    /// Adds `condition`, which names `:name` for `value`.
    mutating func add(_ condition: String, _ name: String, _ value: any DatabaseValueConvertible) {
        conditions += " \(condition)"
        values[name] = value
    }

    var arguments: StatementArguments { StatementArguments(values) }
}
