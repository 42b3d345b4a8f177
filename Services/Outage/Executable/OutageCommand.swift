import ArgumentParser
import Outage
import ServiceKit

/// The `outage` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
@main
struct OutageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outage",
        abstract: "The outage service: customers' outage reports, incidents, restoration notices, planned outages.",
        subcommands: ServiceCommands.all(OutageService.self),
        defaultSubcommand: ServeCommand<OutageService>.self
    )
}
