import ArgumentParser
import ServiceKit

/// The `crm` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
public struct CRMCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "The crm service: one-stop tickets, SLA clocks, contracts.",
        subcommands: ServiceCommands.all(CRMService.self),
        defaultSubcommand: ServeCommand<CRMService>.self
    )

    public init() {}
}
