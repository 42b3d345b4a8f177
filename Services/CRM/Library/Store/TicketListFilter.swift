import GRDB

/// Which tickets a list holds: one branch's or every branch's (`branchCode` nil), or only the
/// one of `requestCode`; every kind's table names the two columns alike.
struct TicketListFilter: Sendable {
    var branchCode: String?
    var requestCode: String?

    /// `SELECT * FROM table`, filtered, sorted by due date (then request code), with its arguments;
    /// one of four statements per table, so callers keep them in the connection's statement cache.
    func select(from table: String) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let branchCode {
            conditions.append("branch_code = ?")
            arguments += [branchCode]
        }
        if let requestCode {
            conditions.append("request_code = ?")
            arguments += [requestCode]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT * FROM \(table) \(filter) ORDER BY due_date, request_code", arguments)
    }
}
