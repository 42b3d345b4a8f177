import Foundation

/// Reference data a service starts with (the communes served, the reading routes): a table
/// built in for development and tests, which an operator replaces with a JSON file named by
/// a setting, so the real data changes without a release.
///
/// A file that cannot be used stops the service at start, with an error naming the setting
/// and the file, instead of misleading the first request that needs the table.
public enum DataTableFile {
    /// The table the environment asks for: the file named by `variable`, else `builtIn`.
    ///
    /// - Parameters:
    ///   - variable: the setting naming the JSON file, e.g. `SERVICE_AREAS_FILE`.
    ///   - environment: the variables to read; the process environment in production.
    ///   - builtIn: the table served when the setting is absent or empty.
    ///   - table: builds the table from the file's document; it throws, with a description
    ///     saying why, for content the table refuses (no entries, an entry twice).
    /// - Throws: ``DataTableFileError`` when the file cannot be read, is not the document's
    ///   JSON, or `table` refuses it.
    public static func load<Document: Decodable, Table>(
        _ variable: String, environment: [String: String], builtIn: @autoclosure () -> Table,
        table: (Document) throws -> Table
    ) throws(DataTableFileError) -> Table {
        guard let path = environment[variable], !path.isEmpty else { return builtIn() }
        do {
            let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            return try table(document)
        } catch {
            throw DataTableFileError(variable: variable, path: path, reason: "\(error)")
        }
    }
}
