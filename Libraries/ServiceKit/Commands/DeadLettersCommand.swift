import ArgumentParser
import Foundation
import Messaging
import PersonalData

/// `dead-letters list|replay`: the operator's command for a service's dead-letter queue.
///
/// Every service executable carries it, and `evnctl` carries it for all of
/// them. The broker is read from `AMQP_URL`, like the services themselves.
public struct DeadLettersCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "List a service's dead letters, or replay chosen ones into its inbox.",
        subcommands: [List.self, Replay.self]
    )

    public init() {}

    /// Which service's queue, and where the broker is.
    struct Target: ParsableArguments {
        @Option(help: "The service whose <service>.dead queue to read (intake, crm, metering, households, outage, notification).")
        var service: String

        func queue() throws -> DeadLetterQueue {
            let configuration = try ServiceConfiguration(service: service)
            let sealer = PersonalDataDeadLetterSealer(protector: configuration.personalData)
            return DeadLetterQueue(broker: configuration.broker("dead-letters"), service: service, sealer: sealer)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dead letters, oldest first; the queue is left as it was.")

        @OptionGroup var target: Target

        @Option(help: "At most this many.")
        var limit = 100

        func run() async throws {
            let letters = try await target.queue().list(limit: limit)
            print(DeadLetterReport.render(letters), terminator: "")
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move dead letters back to the service's inbox, by message id.")

        @OptionGroup var target: Target

        @Argument(help: "The message ids to replay (as `list` shows them).")
        var messageIds: [String]

        func run() async throws {
            let replayed = try await target.queue().replay(messageIds: Set(messageIds))
            print(DeadLetterReport.renderReplay(requested: messageIds, replayed: replayed), terminator: "")
            if replayed.count < Set(messageIds).count { throw ExitCode(1) }
        }
    }
}

/// How dead letters read on an operator's terminal.
public enum DeadLetterReport {
    public static func render(_ letters: [DeadLetter]) -> String {
        guard !letters.isEmpty else { return "no dead letters\n" }
        let formatter = ISO8601DateFormatter()
        return letters.map { letter in
            let when = letter.deadAt.map(formatter.string(from:)) ?? "-"
            let attempts = letter.attempts.map(String.init) ?? "-"
            let expires = letter.expiresAt.map(formatter.string(from:)) ?? "-"
            return """
                \(letter.messageId)  \(letter.type)  dead at \(when)  expires \(expires)  attempts \(attempts)  correlation \(letter.correlationId ?? "-")
                  from \(letter.originalExchange ?? "-") \(letter.originalRoutingKey ?? "-")
                  reason: \(letter.reason)

                """
        }.joined() + "\(letters.count) dead letter\(letters.count == 1 ? "" : "s")\n"
    }

    public static func renderReplay(requested: [String], replayed: [String]) -> String {
        let missing = Set(requested).subtracting(replayed).sorted()
        var lines = replayed.map { "replayed \($0)" }
        lines += missing.map { "not found in the dead-letter queue: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
