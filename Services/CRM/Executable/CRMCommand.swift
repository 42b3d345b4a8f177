import ArgumentParser
import CRM
import ServiceKit

/// The `crm` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
@main
struct CRMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "The crm service: one-stop tickets, SLA clocks, contracts.",
        subcommands: ServiceCommands.all(CRMService.self),
        defaultSubcommand: ServeCommand<CRMService>.self
    )
}
