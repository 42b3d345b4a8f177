import ArgumentParser
import ServiceKit

/// The `households` executable: `serve` (the default), the program's operator commands,
/// `backup`, `dead-letters`, `parked-messages`.
public struct HouseholdsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "households",
        abstract: "The households service: the sub-household program (QLHP) and identity screening.",
        subcommands: ServiceCommands.all(HouseholdsService.self)
            + [ImportCommand.self, ResidencePassCommand.self],
        defaultSubcommand: ServeCommand<HouseholdsService>.self
    )

    public init() {}
}
