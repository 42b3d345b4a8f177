import ArgumentParser
import Foundation
import Messaging

/// `parked-messages list|resend`: the operator's command for the outbox rows a service parked
/// because the broker kept refusing them (`docs/operations.md`).
///
/// Works on the service's own store (`DATA_DIR`), beside the running service: a re-sent row goes
/// back into the outbox, and the service's relay publishes it within a second.
public struct ParkedMessagesCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "parked-messages",
            abstract: "List the \(Definition.name) outbox messages the broker kept refusing, or re-send them.",
            subcommands: [List.self, Resend.self]
        )
    }

    public init() {}

    static func store() throws -> ServiceStore {
        try ServiceStore(configuration: ServiceConfiguration(service: Definition.name), migrator: Definition.migrator())
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "List parked messages, oldest first.")
        }

        @Option(help: "At most this many.")
        var limit = 100

        func run() async throws {
            let parked = try await ParkedMessagesCommand.store().database.read { db in try ParkedMessages.list(limit: limit, in: db) }
            print(ParkedMessagesReport.render(parked), terminator: "")
        }
    }

    struct Resend: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Put parked messages back in the outbox, each with every parked message for its destination, oldest first."
            )
        }

        @Argument(help: "The message ids to re-send (as `list` shows them).")
        var messageIds: [String] = []

        @Flag(help: "Re-send every parked message.")
        var all = false

        func validate() throws {
            guard all != !messageIds.isEmpty else {
                throw ValidationError("name the message ids to re-send, or give --all")
            }
        }

        func run() async throws {
            let chosen = all ? nil : Set(messageIds)
            let resent = try await ParkedMessagesCommand.store().database.write { db in
                try ParkedMessages.resend(messageIds: chosen, in: db)
            }
            print(ParkedMessagesReport.renderResend(requested: messageIds, resent: resent), terminator: "")
            if !Set(messageIds).isSubset(of: resent) { throw ExitCode(1) }
        }
    }
}

/// How parked messages read on an operator's terminal.
public enum ParkedMessagesReport {
    public static func render(_ parked: [ParkedMessage]) -> String {
        guard !parked.isEmpty else { return "no parked messages\n" }
        let formatter = ISO8601DateFormatter()
        return parked.map { message in
            """
            \(message.messageId)  \(message.type)  parked at \(formatter.string(from: message.parkedAt))  attempts \(message.attempts)  correlation \(message.correlationId ?? "-")
              to \(message.exchange) \(message.routingKey)
              reason: \(message.lastError ?? "parked behind an earlier message for the same destination")

            """
        }.joined() + "\(parked.count) parked message\(parked.count == 1 ? "" : "s")\n"
    }

    public static func renderResend(requested: [String], resent: [String]) -> String {
        let missing = Set(requested).subtracting(resent).sorted()
        let lines = resent.map { "re-sent \($0)" } + missing.map { "not parked: \($0)" }
        return lines.isEmpty ? "no parked messages\n" : lines.joined(separator: "\n") + "\n"
    }
}
