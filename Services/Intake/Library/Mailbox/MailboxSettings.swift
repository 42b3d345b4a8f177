import Foundation
import Mail
import ServiceKit

/// Where intake reads the customer-care mailbox, how often, and how many automatic answers one
/// sender gets (`MAILBOX_…`, `MAIL_REPLY_LIMIT_PER_SENDER`). No `MAILBOX_URL`: the channel is off.
struct MailboxSettings: Sendable {
    static let urlVariable = "MAILBOX_URL"
    static let usernameVariable = "MAILBOX_USERNAME"
    static let passwordVariable = "MAILBOX_PASSWORD"
    static let caFileVariable = "MAILBOX_CA_FILE"
    static let pollIntervalVariable = "MAILBOX_POLL_INTERVAL"
    static let replyLimitVariable = "MAIL_REPLY_LIMIT_PER_SENDER"
    /// The local mailbox's account password (`scripts/mailbox.sh`): public, so refused outside development.
    static let developmentPassword = "evn-dev-mailbox"
    static let defaultPollInterval = 30.0
    static let defaultRepliesPerHour = 5

    var imap: IMAPSettings
    /// How long the reader waits between two looks at the mailbox.
    var pollInterval: Duration
    /// Automatic answers one address gets in an hour; the mail beyond is filed unanswered.
    var repliesPerSenderPerHour: Int

    /// The settings, or nil when `MAILBOX_URL` is unset.
    /// - Throws: ``ConfigurationError`` naming the variable: a plain `imap://` URL off this
    ///   machine outside development (the password and the customers' mail would cross the
    ///   network in clear), no user name, a missing or public password outside development,
    ///   a poll interval outside 0.1 to 3600 seconds, a reply limit below 0.
    init?(environment: [String: String], deployment: DeploymentEnvironment) throws {
        func value(_ variable: String) -> String? { environment[variable].flatMap { $0.isEmpty ? nil : $0 } }
        guard let url = value(Self.urlVariable) else { return nil }
        let password = value(Self.passwordVariable)
        try SecretPolicy.mailboxPassword.check(password, of: Self.passwordVariable, in: deployment)
        guard let username = value(Self.usernameVariable) else {
            throw ConfigurationError(variable: Self.usernameVariable, value: "",
                                     expected: "the mailbox's account when \(Self.urlVariable) is set")
        }
        imap = IMAPSettings(url: url, username: username, password: password ?? Self.developmentPassword,
                            caFile: value(Self.caFileVariable))
        let plainInDevelopment = deployment == .development && url.lowercased().hasPrefix("imap://")
        guard imap.usesTLS || imap.isPlainTextOnLoopback || plainInDevelopment else {
            throw ConfigurationError(variable: Self.urlVariable, value: url,
                                     expected: "imaps://host[:port]/MAILBOX (imap:// only to loopback or in development)")
        }
        let interval = value(Self.pollIntervalVariable)
        guard let seconds = interval.map(Double.init) ?? Self.defaultPollInterval, (0.1...3600).contains(seconds) else {
            throw ConfigurationError(variable: Self.pollIntervalVariable, value: interval ?? "",
                                     expected: "seconds from 0.1 to 3600")
        }
        pollInterval = .milliseconds(Int(seconds * 1000))
        let limit = value(Self.replyLimitVariable)
        guard let replies = limit.map(Int.init) ?? Self.defaultRepliesPerHour, replies >= 0 else {
            throw ConfigurationError(variable: Self.replyLimitVariable, value: limit ?? "",
                                     expected: "a number of answers per sender and hour, 0 or more")
        }
        repliesPerSenderPerHour = replies
    }

    /// The company's own address, never answered: the mailbox's account when it is an address.
    var ownAddresses: Set<String> {
        imap.username.contains("@") ? [imap.username] : []
    }
}
