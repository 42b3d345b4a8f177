@testable import Notification
import ServiceKit
import Testing

/// Notification's own settings: defaults that work on a developer machine, bad values named.
@Suite struct NotificationSettingsTests {
    @Test func defaultsPointAtTheLocalSinkAndSendWithoutDiacritics() throws {
        let settings = try NotificationSettings(environment: [:])
        #expect(settings.smtp.url == "smtp://127.0.0.1:2525")
        #expect(!settings.smtp.useTLS)
        #expect(!settings.gateway.unicode)
        #expect(settings.delivery.maxAttempts == 8)
        #expect(settings.bulkDeliveriesPerSecond == 5)
    }

    @Test func smtpURLWinsOverHostAndPort() throws {
        let settings = try NotificationSettings(environment: ["SMTP_URL": "smtps://relay.example.vn:465", "SMTP_HOST": "x"])
        #expect(settings.smtp.url == "smtps://relay.example.vn:465")
    }

    @Test(arguments: [
        ("SMS_UNICODE", "yes"), ("SMS_GATEWAY_URL", "ftp://gateway"), ("SMTP_PORT", "70000"),
        ("MAIL_FROM", "not an address"), ("DELIVERY_MAX_ATTEMPTS", "0"), ("DELIVERY_RETRY_INITIAL_SECONDS", "-1"),
        ("SMS_BRANDNAME", "A BRANDNAME TOO LONG"), ("BULK_DELIVERIES_PER_SECOND", "0"),
    ])
    func aValueThatCannotBeUsedIsRefusedByName(variable: String, value: String) {
        let error = #expect(throws: ConfigurationError.self) { try NotificationSettings(environment: [variable: value]) }
        #expect(error?.variable == variable)
        #expect(error?.value == value)
    }
}
