import Contracts
import Foundation
import Messaging
import Notification
import StaffAuth
import StaffTokenIssuing
import TestSupport

/// Notification running in-process against the real broker, an ``SMSGatewayRecorder`` and the
/// SMTP sink of `scripts/sink.sh smtp`, with an observer queue that holds every
/// `notification.customer.notified` it emits.
///
/// The store lives in one folder for the whole test, so a test can stop the service and
/// start it again on the same data (`start(_:)` twice); the service is not started until
/// the test does.
typealias NotificationHarness = ServiceHarness<NotificationService>

extension ServiceHarness where Definition == NotificationService {
    static var apiKey: String { "test-api-key" }
    static var secretKey: String { "test-secret-key" }
    static var brandname: String { "EVNCPC" }
    static var observerQueue: String { "notification-test.observer" }

    /// Sets up broker, SMS gateway recorder and store folder, runs `body` with the gateway, and
    /// tears everything down whether `body` passed or threw. The settings are the tests':
    /// fast retries, the recorder, the SMTP sink; ``start(_:)`` may override them.
    static func run(_ body: (NotificationHarness, SMSGatewayRecorder) async throws -> Void) async throws {
        let gateway = try await SMSGatewayRecorder.start(apiKey: apiKey, secretKey: secretKey)
        let sink = SMTPSink.current
        do {
            try await run(
                observing: [ObserverQueue(observerQueue, events: [CompanyRouting.everyCompany(CustomerNotified.routingKey)])],
                environment: [
                    "SMS_GATEWAY_URL": gateway.url,
                    "SMS_GATEWAY_API_KEY": apiKey,
                    "SMS_GATEWAY_SECRET_KEY": secretKey,
                    "SMS_BRANDNAME": brandname,
                    "SMTP_HOST": sink.host,
                    "SMTP_PORT": "\(sink.port)",
                    "MAIL_FROM": "cskh@dienluc.example.vn",
                    "PORTAL_URL": "https://cskh.example.vn",
                    "DELIVERY_RETRY_INITIAL_SECONDS": "0.2",
                    "DELIVERY_RETRY_MAX_SECONDS": "0.5",
                    "DELIVERY_MAX_ATTEMPTS": "6",
                ],
                logLevel: .trace, startingService: false
            ) { harness in
                try await body(harness, gateway)
            }
        } catch {
            await gateway.stop()
            throw error
        }
        await gateway.stop()
    }
}

extension RunningService where Definition == NotificationService {
    /// `GET /api/v1/deliveries?requestCode=…`: the delivery log as corporation staff read it.
    func deliveries(of requestCode: String) async throws -> [[String: Any]] {
        try await deliveryLog("requestCode=\(requestCode)")
    }

    /// `GET /api/v1/deliveries?customerCode=…`: the residence reminders about one shared meter.
    func reminders(about customerCode: String) async throws -> [[String: Any]] {
        try await deliveryLog("customerCode=\(customerCode)")
    }

    /// The entries `GET /api/v1/deliveries?<query>` lists; throws on any answer but a 200 with a
    /// list, so an error never reads as an empty log.
    private func deliveryLog(_ query: String) async throws -> [[String: Any]] {
        let answer = try await get("api/v1/deliveries?\(query)", token: try await staffToken()).expect(200)
        guard let deliveries = answer["deliveries"] as? [[String: Any]] else {
            throw FixtureError("a delivery log without deliveries: \(answer)")
        }
        return deliveries
    }

    /// A customer-service token of `unit` for notification, signed with the development key it trusts.
    func staffToken(unit: String = StaffClaims.corporationUnit) async throws -> String {
        try await StaffTokenIssuer.development(host.context.configuration.staffTokens).issue(
            StaffClaims(staffId: "tk-cs-01", roles: [.customerService], unit: unit,
                        expiresAt: Date().addingTimeInterval(3600)),
            audience: [NotificationService.name])
    }

    /// The delivery log entries of one channel.
    func deliveries(of requestCode: String, channel: String) async throws -> [[String: Any]] {
        try await deliveries(of: requestCode).filter { $0["channel"] as? String == channel }
    }
}
