import ArgumentParser
import Households
import ServiceKit

/// The `households` executable: `serve` (the default), `backup`, `dead-letters`.
@main
struct HouseholdsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "households",
        abstract: "The households service: main and sub-household dossiers, identity screening.",
        subcommands: ServiceCommands.all(HouseholdsService.self),
        defaultSubcommand: ServeCommand<HouseholdsService>.self
    )
}
