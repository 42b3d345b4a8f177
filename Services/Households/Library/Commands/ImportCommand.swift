import ArgumentParser
import Foundation

/// `import customers|dossiers <file>`: imports the billing system's customer export, or
/// existing dossiers in bulk (every unit's), beside a running service; prints the import's
/// summary, every rejected row with its line, as JSON.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the billing system's (CMIS) customer export or shared-meter dossiers (CSV; see the service's README).")

    /// What the file holds.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// `customer_code,name,address,branch,area_class,household_count`.
        case customers
        /// One row per household, main households before their sub-households.
        case dossiers
    }

    @Argument(help: "customers or dossiers.")
    var kind: Kind

    @Argument(help: "The CSV file, UTF-8 (a byte-order mark and CRLF line ends are fine).")
    var file: String

    @Option(help: "Who imports, as recorded with the import.")
    var by = "operator"

    func run() async throws {
        let program = try HouseholdsProgram.forOperatorCommand()
        let summary = switch kind {
        case .customers: try await program.importCustomers(csvFile: file, by: by)
        case .dossiers: try await program.importDossiers(csvFile: file, by: by)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    }
}
