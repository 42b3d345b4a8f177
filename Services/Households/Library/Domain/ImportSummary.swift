/// What an import did: rows read, what changed, and every row it could not take with why.
public struct ImportSummary: Sendable, Codable {
    public var importId: Int64
    /// Data rows read, the header excluded.
    public var rows: Int
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    /// Customers of the export's branches that were in the previous export and are not in this one.
    public var departed: Int
    public var rejected: [ImportRejection]
}
