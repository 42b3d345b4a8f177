import Foundation
import Mail
import Messaging
import ServiceKit

/// Notification's own settings, read from the service's environment (the table in
/// `Services/Notification/README.md`), checked once at start-up.
///
/// Every default works on a developer machine: the SMTP sink of `scripts/sink.sh smtp` on
/// 127.0.0.1:2525, and a gateway URL on loopback where nothing listens unless a test puts
/// one there (so a developer's run never texts a real phone).
struct NotificationSettings: Sendable {
    var gateway: SMSGatewaySettings
    var smtp: SMTPSettings
    /// The sender of every e-mail (`MAIL_FROM`); each message shows the branch as its name.
    var mailFrom: MailAddress
    /// The customer portal, whose `/track/<request code>` page the first notice links to (`PORTAL_URL`).
    var portalURL: URL
    var delivery: DeliveryPolicy
    /// Bulk deliveries (residence reminders) sent a second, on average (`BULK_DELIVERIES_PER_SECOND`):
    /// kept well under the brandname gateway's per-second limit, so neither they nor the urgent
    /// notices beside them are throttled.
    var bulkDeliveriesPerSecond: Double

    /// - Throws: ``ConfigurationError`` naming the first variable whose value cannot be used.
    init(environment: [String: String]) throws(ConfigurationError) {
        func read<Value>(_ name: String, default fallback: String, expected: String,
                         _ parse: (String) -> Value?) throws(ConfigurationError) -> Value {
            let raw = environment[name].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
            guard let value = parse(raw) else {
                throw ConfigurationError(variable: name, value: raw, expected: expected)
            }
            return value
        }
        func seconds(_ name: String, default fallback: String) throws(ConfigurationError) -> Duration {
            try read(name, default: fallback, expected: "a number of seconds above 0") { raw in
                Double(raw).flatMap { $0 > 0 && $0.isFinite ? .milliseconds(Int64(($0 * 1000).rounded(.up))) : nil }
            }
        }

        gateway = SMSGatewaySettings(
            url: try read("SMS_GATEWAY_URL", default: "http://127.0.0.1:8086/sms", expected: "an http(s) URL") { raw in
                Self.httpURL(raw).map { _ in raw }
            },
            apiKey: environment["SMS_GATEWAY_API_KEY"] ?? "",
            secretKey: environment["SMS_GATEWAY_SECRET_KEY"] ?? "",
            brandname: try read("SMS_BRANDNAME", default: "DIENLUC", expected: "1 to 11 letters, digits, '.', '-' or spaces") { raw in
                raw.count <= 11 && raw.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".- ".contains($0)) } ? raw : nil
            },
            unicode: try read("SMS_UNICODE", default: "0", expected: "0 or 1") { ["0": false, "1": true][$0] }
        )
        let smtpURL = try read("SMTP_URL", default: "", expected: "an smtp:// or smtps:// URL") { raw -> String? in
            raw.isEmpty || raw.hasPrefix("smtp://") || raw.hasPrefix("smtps://") ? raw : nil
        }
        let smtpHost = try read("SMTP_HOST", default: "127.0.0.1", expected: "a host name or IP address") { $0 }
        let smtpPort = try read("SMTP_PORT", default: "2525", expected: "a port number from 1 to 65535") { raw in
            Int(raw).flatMap { (1...65535).contains($0) ? $0 : nil }
        }
        smtp = SMTPSettings(
            url: smtpURL.isEmpty ? "smtp://\(smtpHost):\(smtpPort)" : smtpURL,
            username: environment["SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 },
            password: environment["SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            useTLS: try read("SMTP_TLS", default: "0", expected: "0 or 1") { ["0": false, "1": true][$0] },
            connectTimeout: .seconds(10),
            timeout: .seconds(30)
        )
        mailFrom = try read("MAIL_FROM", default: "cskh@dienluc.example.vn", expected: "an e-mail address") { raw in
            try? MailAddress(raw)
        }
        portalURL = try read("PORTAL_URL", default: "http://127.0.0.1:8080", expected: "an http(s) URL") { raw in
            Self.httpURL(raw.hasSuffix("/") ? String(raw.dropLast()) : raw)
        }
        let initial = try seconds("DELIVERY_RETRY_INITIAL_SECONDS", default: "30")
        let maximum = try seconds("DELIVERY_RETRY_MAX_SECONDS", default: "1800")
        delivery = DeliveryPolicy(
            maxAttempts: try read("DELIVERY_MAX_ATTEMPTS", default: "8", expected: "a number, 1 or more") { raw in
                Int(raw).flatMap { $0 >= 1 ? $0 : nil }
            },
            backoff: Backoff(initial: initial, maximum: max(initial, maximum))
        )
        bulkDeliveriesPerSecond = try read("BULK_DELIVERIES_PER_SECOND", default: "5",
                                           expected: "a number of deliveries a second above 0") { raw in
            Double(raw).flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        }
    }

    /// `raw` as a URL when it is an absolute http or https one.
    private static func httpURL(_ raw: String) -> URL? {
        guard let url = URL(string: raw), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
            return nil
        }
        return url
    }
}
