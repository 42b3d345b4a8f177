import ArgumentParser
import ServiceKit

/// The `metering` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
public struct MeteringCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "metering",
        abstract: "The metering service: meter stock, installation work orders, reading routes.",
        subcommands: ServiceCommands.all(MeteringService.self),
        defaultSubcommand: ServeCommand<MeteringService>.self
    )

    public init() {}
}
