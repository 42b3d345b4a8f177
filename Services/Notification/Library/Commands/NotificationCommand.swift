import ArgumentParser
import ServiceKit

/// The `notification` executable: `serve` (the default), `backup`, `dead-letters`, `parked-messages`.
public struct NotificationCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "notification",
        abstract: "The notification service: tells customers about their requests by SMS and e-mail.",
        subcommands: ServiceCommands.all(NotificationService.self),
        defaultSubcommand: ServeCommand<NotificationService>.self
    )

    public init() {}
}
