import Attachments
import Foundation
import ServiceAreas
import ServiceKit
import Tariff

/// Intake's own settings, beside the ones every service reads (see the README's table).
struct IntakeSettings: Sendable {
    /// `SERVICE_AREAS_FILE`: the served communes (``ServiceAreaTable/load(environment:)``).
    var areas: ServiceAreaTable
    /// `CRM_LOOKUP_TIMEOUT_MS`: how long tracking waits for crm's timeline.
    var timelineTimeout: Duration
    /// `OUTAGE_LOOKUP_TIMEOUT_MS`: how long the planned-outage look-up waits for outage.
    var outageTimeout: Duration
    /// `METERING_LOOKUP_TIMEOUT_MS`: how long the meter-reading schedule waits for metering.
    var meteringTimeout: Duration
    /// `HOUSEHOLDS_LOOKUP_TIMEOUT_MS`: how long a holder's list of the households sharing their meter waits for households.
    var householdsTimeout: Duration
    /// `TARIFF_FILE`: the dated tariff tables and VAT rates replacing the published ones.
    var tariffs: TariffSchedule
    /// `FILING_LIMIT_PER_CLIENT`, `FILING_LIMIT_PER_PHONE`, `ACCESS_LIMIT_PER_CLIENT`,
    /// `LOOKUP_LIMIT_PER_CLIENT`: the anonymous endpoints' rate limits.
    var limits: AbuseLimits.Settings
    /// `SMS_INBOUND_SECRET`: the secret the SMS gateway signs its incoming-message callbacks with.
    var smsInboundSecret: String
    /// `TELEPHONY_WEBHOOK_SECRET`: the secret the PBX signs its ringing-call webhooks with.
    var telephonyWebhookSecret: String
    /// `MAILBOX_…`: the customer-care mailbox intake files mail from; nil when the channel is off.
    var mailbox: MailboxSettings?
    /// `ATTACHMENT_MAX_BYTES`, `ATTACHMENT_MAX_FILES`: how large an attached file and how many per request.
    var attachments: AttachmentLimits

    static let smsInboundSecretVariable = "SMS_INBOUND_SECRET"
    static let telephonyWebhookSecretVariable = "TELEPHONY_WEBHOOK_SECRET"
    /// The development defaults: public, so refused outside `EVN_ENV=development` (``SecretPolicy``).
    static let developmentSMSInboundSecret = "dev-only-sms-gateway-webhook-secret"
    static let developmentTelephonySecret = "dev-only-telephony-webhook-secret"

    static let tariffFileVariable = "TARIFF_FILE"

    static let timelineTimeoutVariable = "CRM_LOOKUP_TIMEOUT_MS"
    static let outageTimeoutVariable = "OUTAGE_LOOKUP_TIMEOUT_MS"
    static let meteringTimeoutVariable = "METERING_LOOKUP_TIMEOUT_MS"
    static let householdsTimeoutVariable = "HOUSEHOLDS_LOOKUP_TIMEOUT_MS"
    static let defaultLookupTimeoutMilliseconds = 2000

    /// - Throws: `DataTableFileError` or `ConfigurationError` naming the variable that cannot be used,
    ///   so a bad tariff file stops the service at start instead of quoting wrong bills, and a
    ///   webhook secret that is missing or public stops it outside development.
    init(environment: [String: String], deployment: DeploymentEnvironment) throws {
        areas = try ServiceAreaTable.load(environment: environment)
        timelineTimeout = try Self.timeout(Self.timelineTimeoutVariable, environment)
        outageTimeout = try Self.timeout(Self.outageTimeoutVariable, environment)
        meteringTimeout = try Self.timeout(Self.meteringTimeoutVariable, environment)
        householdsTimeout = try Self.timeout(Self.householdsTimeoutVariable, environment)
        limits = try AbuseLimits.Settings(environment: environment)
        smsInboundSecret = try Self.secret(Self.smsInboundSecretVariable, environment, deployment,
                                           development: Self.developmentSMSInboundSecret)
        telephonyWebhookSecret = try Self.secret(Self.telephonyWebhookSecretVariable, environment, deployment,
                                                 development: Self.developmentTelephonySecret)
        mailbox = try MailboxSettings(environment: environment, deployment: deployment)
        attachments = try AttachmentLimits(environment: environment)
        let tariffFile = environment[Self.tariffFileVariable].flatMap { $0.isEmpty ? nil : $0 }
        do {
            tariffs = try TariffSchedule.load(file: tariffFile.map { URL(fileURLWithPath: $0) })
        } catch {
            throw ConfigurationError(variable: Self.tariffFileVariable, value: tariffFile ?? "",
                                     expected: "a readable tariff document (\(error))")
        }
    }

    /// A webhook's shared secret: the variable's value, or in development its public default.
    private static func secret(
        _ variable: String, _ environment: [String: String], _ deployment: DeploymentEnvironment, development: String
    ) throws -> String {
        let value = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        try SecretPolicy.webhookSecret.check(value, of: variable, in: deployment)
        return value ?? development
    }

    /// A look-up's timeout in milliseconds, 1 to 60000.
    private static func timeout(_ variable: String, _ environment: [String: String]) throws -> Duration {
        let raw = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        guard let milliseconds = raw.map(Int.init) ?? defaultLookupTimeoutMilliseconds, (1...60_000).contains(milliseconds) else {
            throw ConfigurationError(variable: variable, value: raw ?? "", expected: "milliseconds from 1 to 60000")
        }
        return .milliseconds(milliseconds)
    }
}
