/// One environment variable that every service reads: its name, its default and what it is for.
///
/// ``ConfigurationKey/all`` is the single source of truth. ``ServiceConfiguration`` reads these keys,
/// and the table in `docs/configuration.md` is generated from them (see ``ConfigurationKey/markdownTable``),
/// so the documentation an operator reads cannot drift from what the code does.
public struct ConfigurationKey: Sendable {
    /// How a key's value is chosen when its variable is unset or empty.
    public enum Default: Sendable {
        /// The same value for every service.
        case fixed(String)
        /// A value per service, so that all services can run side by side on one machine,
        /// and a value for any service not listed.
        case perService([(service: String, value: String)], otherwise: String)

        /// The default value for the named service.
        public func value(for service: String) -> String {
            switch self {
            case .fixed(let value):
                return value
            case .perService(let values, let otherwise):
                return values.first { $0.service == service }?.value ?? otherwise
            }
        }
    }

    /// The environment variable's name, for example `HTTP_PORT`.
    public let name: String
    /// The value used when the variable is unset or empty; chosen to work on a developer machine.
    public let defaultValue: Default
    /// What the variable controls and which values it accepts, as written in the documentation.
    public let description: String
}

extension ConfigurationKey {
    /// Every key, in the order the documentation lists them.
    public static let all: [ConfigurationKey] = [
        .deploymentEnvironment,
        .amqpURL,
        .amqpCAFile,
        .dataDirectory,
        .httpHost,
        .httpPort,
        .httpIdleTimeoutSeconds,
        .httpReadTimeoutSeconds,
        .httpMaxConnections,
        .httpMaxHeaderBytes,
        .logFormat,
        .logLevel,
        .amqpPrefetch,
        .amqpHeartbeatSeconds,
        .messageMaxAttempts,
        .outboxParkAfterSeconds,
        .deadLetterRetentionHours,
        .staffTokenKeysFile,
        .staffTokenIssuer,
        .staffTokenClockSkewSeconds,
        .staffTokenMaxLifetimeHours,
        .personalDataKey,
        .personalDataKeyId,
        .personalDataPreviousKeys,
        .shard,
        .shardBranches,
        .trustedProxies,
        .staffSignInURL,
        .staffDirectoryURL,
        .staffDirectoryCAFile,
        .staffDirectoryBindDN,
        .staffDirectoryBindPassword,
        .staffDirectorySearchBase,
        .staffDirectoryTimeoutSeconds,
        .staffConsoleOrigins,
        .staffConsoleURLs,
        .staffSessionIdleTimeout,
        .staffSessionMaxAge,
        .staffAccessTokenLifetime,
        .staffCookieDomain,
        .staffTokenSigningKeyFile,
        .staffTokenSigningKeyID,
        .staffSignInAccountFailures,
        .staffSignInClientFailures,
        .staffSignInFailureWindow,
        .staffSignInLockout,
    ]
}
