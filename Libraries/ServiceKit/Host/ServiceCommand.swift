import ArgumentParser
import Logging
import Metrics

/// `serve`: runs the service; the default command of every service executable.
public struct ServeCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: "Run the \(Definition.name) service until SIGTERM or SIGINT.")
    }

    public init() {}

    public func run() async throws {
        let configuration = try ServiceConfiguration(service: Definition.name)
        LoggingSystem.bootstrap(service: Definition.name, format: configuration.logFormat, level: configuration.logLevel)
        let metrics = MetricsSystem.bootstrapPrometheus()
        let logger = Logger(label: Definition.name)
        try await ServiceHost<Definition>(configuration: configuration, logger: logger, metrics: metrics).run()
    }
}

/// `backup <file>`: an online copy of the service's store while it runs.
public struct BackupCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: "Copy the \(Definition.name) store into one SQLite file while the service runs.")
    }

    @Argument(help: "The file to write (overwritten if it exists).")
    var path: String

    public init() {}

    public func run() async throws {
        let configuration = try ServiceConfiguration(service: Definition.name)
        let migrator = Definition.migrator(personalData: configuration.personalData)
        try ServiceStore(configuration: configuration, migrator: migrator).backup(to: path)
        print("backed up \(configuration.storePath) to \(path)")
    }
}

/// The operator commands every service executable has, `serve` first (the default).
public enum ServiceCommands {
    public static func all<Definition: ServiceDefinition>(_: Definition.Type) -> [any ParsableCommand.Type] {
        [ServeCommand<Definition>.self, BackupCommand<Definition>.self, DeadLettersCommand.self,
         ParkedMessagesCommand<Definition>.self]
    }
}
