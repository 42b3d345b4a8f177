/// The file a setting names cannot serve as the service's table (see ``DataTableFile``).
public struct DataTableFileError: Error, Equatable, CustomStringConvertible {
    /// The setting, e.g. `SERVICE_AREAS_FILE`.
    public let variable: String
    /// The file it names.
    public let path: String
    /// Why the file cannot be used: unreadable, not the expected JSON, or refused by the table.
    public let reason: String

    public init(variable: String, path: String, reason: String) {
        self.variable = variable
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "\(variable)=\(path) cannot be used: \(reason)"
    }
}
