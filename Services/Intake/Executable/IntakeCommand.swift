import ArgumentParser
import Intake
import ServiceKit

/// The `intake` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
@main
struct IntakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "The intake service: takes customers' requests.",
        subcommands: ServiceCommands.all(IntakeService.self),
        defaultSubcommand: ServeCommand<IntakeService>.self
    )
}
