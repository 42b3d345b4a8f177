import ArgumentParser
import Foundation
import GRDB

/// `evnctl reseal <service>`: rewrites the service's store to the current personal-data key
/// (``StoreResealer``) while the service runs.
///
/// Run with the service's own environment, the new key in `PERSONAL_DATA_KEY` and the old
/// one still in `PERSONAL_DATA_PREVIOUS_KEYS`. The store is opened as it is, never migrated,
/// so the command cannot change the schema under a running service of another version.
public struct ResealCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Definition.name,
                             abstract: "Re-seal the \(Definition.name) store's personal data under the current key, online.")
    }

    @Option(help: "Rows rewritten per transaction.")
    var batchSize = 500

    public init() {}

    public func run() async throws {
        let configuration = try ServiceConfiguration(service: Definition.name)
        guard FileManager.default.fileExists(atPath: configuration.storePath) else {
            throw ValidationError("no store at \(configuration.storePath) (DATA_DIR)")
        }
        var options = Configuration()
        options.busyMode = .timeout(5)
        let database = try DatabasePool(path: configuration.storePath, configuration: options)
        let report = try await StoreResealer(database: database, personalData: configuration.personalData,
                                             tables: Definition.personalDataTables, batchSize: batchSize).run()
        for table in Definition.personalDataTables {
            let unreadable = report.unreadable[table.name, default: 0]
            print("\(table.name): \(report.rewritten[table.name, default: 0]) rows re-sealed"
                  + (unreadable > 0 ? ", \(unreadable) values no configured key opens" : ""))
        }
        print("key \(configuration.personalDataKey.id) now seals every readable value of \(configuration.storePath)")
    }
}
