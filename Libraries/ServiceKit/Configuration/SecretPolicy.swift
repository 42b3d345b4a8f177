/// What a secret must be before a production service may start on it: set, long enough, and
/// none of the values that are public because this repository ships them.
///
/// Anyone who has read the code can unseal personal data or log in to the broker with a public
/// secret, so a production process that finds one stops at start rather than serving on it. The
/// error names the variable and never carries the value.
public struct SecretPolicy: Sendable {
    /// The shortest secret accepted, in bytes of its text.
    public let minimumLength: Int

    public init(minimumLength: Int) {
        self.minimumLength = minimumLength
    }

    /// Personal-data keys (`PERSONAL_DATA_KEY`): 32 bytes, so 44 characters of base64.
    public static let personalDataKey = SecretPolicy(minimumLength: 44)
    /// Broker passwords (the password in `AMQP_URL`), as `.env.example` asks for them.
    public static let brokerPassword = SecretPolicy(minimumLength: 12)
    /// The staff directory's search account (`STAFF_DIRECTORY_BIND_PASSWORD`).
    public static let directoryPassword = SecretPolicy(minimumLength: 12)
    /// The customer-care mailbox's account (`MAILBOX_PASSWORD`).
    public static let mailboxPassword = SecretPolicy(minimumLength: 12)
    /// Secrets shared with a partner that signs its webhooks (the SMS gateway, the PBX).
    public static let webhookSecret = SecretPolicy(minimumLength: 32)

    /// Every secret this repository ships: the code's defaults, the local broker's and
    /// RabbitMQ's stock passwords, the development directory's (`deploy/directory/staff.ldif`),
    /// the local mailbox's (`scripts/mailbox.sh`), and the placeholders of the Kubernetes development overlay
    /// (`deploy/k8s/overlays/dev/kustomization.yaml`).
    public static let developmentValues: Set<String> = [
        "ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LWRlcGw=",
        "evn",
        "guest",
        "evn-dev-directory-reader",
        "evn-dev-directory-admin",
        "evn-dev-staff",
        "dev-only-sms-gateway-webhook-secret",
        "dev-only-telephony-webhook-secret",
        "evn-dev-mailbox",
        "dev-only-intake-broker-password",
        "dev-only-crm-broker-password",
        "dev-only-metering-broker-password",
        "dev-only-households-broker-password",
        "dev-only-outage-broker-password",
        "dev-only-notification-broker-password",
        "dev-only-signin-broker-password",
        "dev-only-ops-broker-password",
        "ZGV2LW9ubHktaW50YWtlLXBlcnNvbmFsLWRhdGEta2U=",
        "ZGV2LW9ubHktY3JtLXBlcnNvbmFsLWRhdGEta2V5eHg=",
        "ZGV2LW9ubHktbWV0ZXJpbmctcGVyc29uYWwtZGF0YS0=",
        "ZGV2LW9ubHktaG91c2Vob2xkcy1wZXJzb25hbC1kYXQ=",
        "ZGV2LW9ubHktb3V0YWdlLXBlcnNvbmFsLWRhdGEta2U=",
        "ZGV2LW9ubHktbm90aWZpY2F0aW9uLXBlcnNvbmFsLWQ=",
        "ZGV2LW9ubHktc2lnbmluLXBlcnNvbmFsLWRhdGEta2U=",
    ]

    /// Checks the secret held by `variable` in `environment`.
    ///
    /// - Parameters:
    ///   - secret: the secret as the service will use it; nil or empty when the variable is unset.
    ///   - variable: the variable that holds it, named in the error.
    ///   - environment: in ``DeploymentEnvironment/development`` every secret passes.
    /// - Throws: ``ConfigurationError`` naming `variable` when the secret is missing, shorter than
    ///   ``minimumLength`` or one of ``developmentValues``.
    public func check(_ secret: String?, of variable: String, in environment: DeploymentEnvironment)
        throws(ConfigurationError) {
        guard environment == .production else { return }
        let problem: String? = switch secret {
        case nil, ""?: "is not set"
        case let secret? where Self.developmentValues.contains(secret): "is a public development value"
        case let secret? where secret.utf8.count < minimumLength: "is shorter than \(minimumLength) characters"
        default: nil
        }
        if let problem {
            throw ConfigurationError(
                variable: variable, value: nil,
                expected: "a secret of this deployment's own, \(minimumLength) characters or more "
                    + "(EVN_ENV is not development, and the value found \(problem))")
        }
    }
}
