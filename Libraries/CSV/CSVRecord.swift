/// One record of a CSV file: its fields, decoded and normalised to Unicode NFC so that names
/// typed on different keyboards compare equal, and the physical line it starts on, for reports.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based physical line the record starts on, as a text editor numbers it.
    public let line: Int
    /// The record's fields in file order, unquoted, each in Unicode NFC.
    public let fields: [String]

    /// A record read from, or destined for, a CSV file.
    /// - Parameters:
    ///   - line: the 1-based physical line the record starts on.
    ///   - fields: the fields in file order.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
