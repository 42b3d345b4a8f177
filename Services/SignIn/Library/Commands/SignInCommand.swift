import ArgumentParser
import ServiceKit

/// The `signin` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`,
/// `service-account`.
public struct SignInCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "signin",
        abstract: "The staff sign-in: one sign-in against the staff directory for every console.",
        subcommands: ServiceCommands.all(SignInService.self) + [ServiceAccountCommand.self],
        defaultSubcommand: ServeCommand<SignInService>.self
    )

    public init() {}
}
