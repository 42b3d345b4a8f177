import ArgumentParser
import ServiceKit

/// The `outage` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
public struct OutageCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "outage",
        abstract: "The outage service: customers' outage reports, incidents, restoration notices, planned outages.",
        subcommands: ServiceCommands.all(OutageService.self),
        defaultSubcommand: ServeCommand<OutageService>.self
    )

    public init() {}
}
