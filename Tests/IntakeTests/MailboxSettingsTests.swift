import Foundation
@testable import Intake
import ServiceKit
import Testing

/// The customer-care mailbox's settings: off without a URL, and a production intake does not
/// start on a clear-text mailbox across the network or on the public development password.
@Suite struct MailboxSettingsTests {
    static let production = [
        "MAILBOX_URL": "imaps://mail.evncpc.example.vn/INBOX", "MAILBOX_USERNAME": "cskh@evncpc.example.vn",
        "MAILBOX_PASSWORD": "this-deployments-own-mailbox-password",
    ]

    @Test func withoutAURLTheChannelIsOff() throws {
        #expect(try MailboxSettings(environment: [:], deployment: .production) == nil)
        #expect(try MailboxSettings(environment: ["MAILBOX_URL": ""], deployment: .development) == nil)
    }

    @Test func productionReadsAnIMAPSMailboxWithItsOwnPassword() throws {
        let settings = try #require(try MailboxSettings(environment: Self.production, deployment: .production))
        #expect(settings.imap.usesTLS)
        #expect(settings.pollInterval == .seconds(30))
        #expect(settings.repliesPerSenderPerHour == 5)
        #expect(settings.ownAddresses == ["cskh@evncpc.example.vn"])
    }

    @Test(arguments: [
        ("MAILBOX_URL", "imap://mail.evncpc.example.vn/INBOX"), ("MAILBOX_PASSWORD", "evn-dev-mailbox"),
        ("MAILBOX_PASSWORD", ""), ("MAILBOX_USERNAME", ""), ("MAILBOX_POLL_INTERVAL", "0"),
        ("MAILBOX_POLL_INTERVAL", "soon"), ("MAIL_REPLY_LIMIT_PER_SENDER", "-1"),
    ])
    func productionRefusesAnUnsafeOrMalformedSetting(variable: String, value: String) {
        var environment = Self.production
        environment[variable] = value
        let error = #expect(throws: ConfigurationError.self) {
            try MailboxSettings(environment: environment, deployment: .production)
        }
        #expect(error?.variable == variable)
        if variable == "MAILBOX_PASSWORD", !value.isEmpty { #expect(!"\(error!)".contains(value)) }
    }

    @Test func plainIMAPToThisMachineIsAllowedEverywhere() throws {
        var environment = Self.production
        environment["MAILBOX_URL"] = "imap://127.0.0.1:1143/INBOX"
        #expect(try MailboxSettings(environment: environment, deployment: .production) != nil)
    }
}
