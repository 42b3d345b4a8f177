import ArgumentParser
import ServiceKit

/// The operators' command line for every service at once (each service's own
/// executable carries the same commands for itself).
public struct EVNCtl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evnctl",
        abstract: "Operator commands for the customer-service platform.",
        subcommands: [DeadLettersCommand.self, StaffTokenCommand.self, StaffTokenKeysCommand.self, ResealCommands.self]
    )

    public init() {}
}
