import ArgumentParser
import ServiceKit

/// The `intake` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
public struct IntakeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "The intake service: takes customers' requests.",
        subcommands: ServiceCommands.all(IntakeService.self),
        defaultSubcommand: ServeCommand<IntakeService>.self
    )

    public init() {}
}
