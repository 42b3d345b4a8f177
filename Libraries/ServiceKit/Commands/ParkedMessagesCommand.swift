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

    static func store(_ configuration: ServiceConfiguration) throws -> ServiceStore {
        try ServiceStore(configuration: configuration, migrator: Definition.migrator(personalData: configuration.personalData))
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "List parked messages, oldest first.")
        }

        @Option(help: "At most this many.")
        var limit = 100

        func run() async throws {
            print(try await report(ServiceConfiguration(service: Definition.name)), terminator: "")
        }

        /// What `run` prints, for the service `configuration` describes.
        func report(_ configuration: ServiceConfiguration) async throws -> String {
            let store = try ParkedMessagesCommand.store(configuration)
            return ParkedMessagesReport.render(try await store.database.read { db in try ParkedMessages.list(limit: limit, in: db) })
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
            let (report, complete) = try await resend(ServiceConfiguration(service: Definition.name))
            print(report, terminator: "")
            if !complete { throw ExitCode(1) }
        }

        /// Re-sends in the store of the service `configuration` describes; returns what `run`
        /// prints and whether every id named was parked.
        func resend(_ configuration: ServiceConfiguration) async throws -> (report: String, complete: Bool) {
            let chosen = all ? nil : Set(messageIds)
            let resent = try await ParkedMessagesCommand.store(configuration).database.write { db in
                try ParkedMessages.resend(messageIds: chosen, in: db)
            }
            return (ParkedMessagesReport.renderResend(requested: messageIds, resent: resent), Set(messageIds).isSubset(of: resent))
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
