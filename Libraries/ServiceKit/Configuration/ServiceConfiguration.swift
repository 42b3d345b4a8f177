import Foundation
import Messaging
import Logging
import PersonalData

/// Everything a service reads from its environment, parsed and checked once at start-up.
///
/// Every value has a default that works on a developer machine against a local broker
/// (see ``ConfigurationKey``); a value that cannot be used throws a ``ConfigurationError``
/// naming the variable, so a misconfigured service stops before it does any work. Outside
/// development (`EVN_ENV`) the secrets must also pass their ``SecretPolicy``: the development
/// defaults are public.
public struct ServiceConfiguration: Sendable {
    /// The service's name, for example `intake`; it names the store file and the log lines.
    public let service: String
    /// Whether the process may run on the public development secrets (`EVN_ENV`).
    public let deploymentEnvironment: DeploymentEnvironment
    /// The broker's nodes (`AMQP_URL`, one host or a cluster's list).
    public let brokerNodes: BrokerNodes
    /// The CAs an `amqps://` broker is verified against; nil for the system's (`AMQP_CA_FILE`).
    public let amqpCAFile: String?
    /// The folder holding the service's store (`DATA_DIR`).
    public let dataDirectory: String
    /// The address the HTTP server binds to (`HTTP_HOST`).
    public let httpHost: String
    /// The HTTP server's port (`HTTP_PORT`).
    public let httpPort: Int
    /// The HTTP server's timeouts and limits (`HTTP_IDLE_TIMEOUT_SECONDS`, `HTTP_READ_TIMEOUT_SECONDS`,
    /// `HTTP_MAX_CONNECTIONS`, `HTTP_MAX_HEADER_BYTES`).
    public let httpLimits: HTTPLimits
    /// How log lines are written (`LOG_FORMAT`).
    public let logFormat: LogFormat
    /// The lowest level that is logged (`LOG_LEVEL`).
    public let logLevel: Logger.Level
    /// Unacknowledged deliveries the broker may push to each consumer (`AMQP_PREFETCH`).
    public let amqpPrefetch: UInt16
    /// The AMQP heartbeat interval in seconds, `0` for none (`AMQP_HEARTBEAT_SECONDS`).
    public let amqpHeartbeatSeconds: Int
    /// Deliveries of one message before it is dead-lettered (`MESSAGE_MAX_ATTEMPTS`).
    public let messageMaxAttempts: Int
    /// How long a dead letter waits in `<service>.dead` (`DEAD_LETTER_RETENTION_HOURS`).
    public let deadLetterRetention: Duration
    /// How long the broker may refuse an outbox message before it is parked (`OUTBOX_PARK_AFTER_SECONDS`).
    public let outboxParkAfter: Duration
    /// How staff tokens are checked: the issuer's public keys and the limits on time.
    public let staffTokens: StaffTokenSettings
    /// The key personal data is sealed with at rest (`PERSONAL_DATA_KEY`, its id `PERSONAL_DATA_KEY_ID`).
    public let personalDataKey: PersonalDataKey
    /// Keys of a rotation still read, never written (`PERSONAL_DATA_PREVIOUS_KEYS`).
    public let previousPersonalDataKeys: [PersonalDataKey]
    /// The shard this instance is (`SHARD`, `SHARD_BRANCHES`); nil for an unsharded service.
    public let shard: Shard?
    /// The proxies whose forwarding headers are believed (`TRUSTED_PROXIES`).
    public let trustedProxies: TrustedProxies
    /// The staff sign-in's base URL as browsers reach it, without a trailing `/`
    /// (`STAFF_SIGN_IN_URL`); nil outside development when it is not given, which only the
    /// services with staff pages refuse.
    public let staffSignInURL: String?

    /// The instance's name: the service's, with the shard's after a dot (`crm.pc05`). It
    /// names the queues and the broker connections.
    public var instance: String {
        shard.map { "\(service).\($0.name)" } ?? service
    }
    /// The whole environment the configuration was read from, for a service's own settings
    /// (documented in its README), so that tests can hand a service its settings in-process.
    public let environment: [String: String]

    /// ``staffSignInURL``, for a service with staff pages, which cannot serve them without it.
    ///
    /// - Throws: ``ConfigurationError`` naming `STAFF_SIGN_IN_URL` when it is not given outside development.
    public func requiredStaffSignInURL() throws -> String {
        guard let staffSignInURL else {
            throw ConfigurationError(variable: ConfigurationKey.staffSignInURL.name, value: nil,
                                     expected: "the staff sign-in's URL, which the staff pages need outside development")
        }
        return staffSignInURL
    }

    /// The origin (scheme, host and port) of ``staffSignInURL``, which the staff pages' sign-out
    /// forms post to.
    public var staffSignInOrigin: String? {
        staffSignInURL.flatMap { URL(string: $0) }.flatMap { url in
            url.scheme.flatMap { scheme in url.host.map { "\(scheme)://\($0)" + (url.port.map { ":\($0)" } ?? "") } }
        }
    }

    /// The service's SQLite file: `<DATA_DIR>/<service>.sqlite` (`<service>-<shard>.sqlite` for a shard).
    public var storePath: String {
        (dataDirectory as NSString).appendingPathComponent("\(shard.map { "\(service)-\($0.name)" } ?? service).sqlite")
    }

    /// Reads the configuration of a service from its environment.
    ///
    /// A variable that is unset or empty takes its default; outside development a secret's
    /// default is refused.
    ///
    /// - Parameters:
    ///   - service: The service's name, for example `intake`; it picks the per-service defaults.
    ///   - environment: The variables to read; the process environment unless a test gives its own.
    /// - Throws: ``ConfigurationError`` for the first variable whose value cannot be used.
    public init(
        service: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        func given(_ key: ConfigurationKey) -> String? {
            environment[key.name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func read<Value>(
            _ key: ConfigurationKey,
            expected: String,
            _ parse: (String) -> Value?
        ) throws -> Value {
            let raw = given(key) ?? key.defaultValue.value(for: service)
            guard let value = parse(raw) else {
                throw ConfigurationError(variable: key.name, value: Self.secretKeys.contains(key.name) ? nil : raw,
                                         expected: expected)
            }
            return value
        }

        func seconds(_ key: ConfigurationKey) throws -> Duration {
            try read(key, expected: "seconds from 1 to 3600") { raw in
                Int(raw).flatMap { (1...3600).contains($0) ? .seconds($0) : nil }
            }
        }

        self.service = service
        let deployment = try read(.deploymentEnvironment, expected: "development or production") { raw in
            DeploymentEnvironment(rawValue: raw)
        }
        self.deploymentEnvironment = deployment
        let brokerNodes = try read(.amqpURL, expected: "an amqp://user:password@host:port/vhost URL (several hosts: host1:port,host2:port)") { raw in
            try? BrokerNodes(raw)
        }
        self.amqpCAFile = try read(.amqpCAFile, expected: "a readable PEM file") { (raw: String) -> String?? in
            if raw.isEmpty { return .some(nil) }
            return FileManager.default.isReadableFile(atPath: raw) ? .some(raw) : nil
        }
        try SecretPolicy.brokerPassword.check(given(.amqpURL).map { _ in brokerNodes.preferred.password }, of: ConfigurationKey.amqpURL.name,
                                              in: deployment)
        self.brokerNodes = brokerNodes
        self.dataDirectory = try read(.dataDirectory, expected: "a folder path") { $0 }
        self.httpHost = try read(.httpHost, expected: "a host name or IP address") { $0 }
        self.httpPort = try read(.httpPort, expected: "a port number from 1 to 65535") { raw in
            Int(raw).flatMap { (1...65535).contains($0) ? $0 : nil }
        }
        self.httpLimits = HTTPLimits(
            idleTimeout: try seconds(.httpIdleTimeoutSeconds),
            readTimeout: try seconds(.httpReadTimeoutSeconds),
            maxConnections: try read(.httpMaxConnections, expected: "a number from 1 to 100000") { raw in
                Int(raw).flatMap { (1...100_000).contains($0) ? $0 : nil }
            },
            maxHeaderBytes: try read(.httpMaxHeaderBytes, expected: "bytes from 1024 to 1048576") { raw in
                Int(raw).flatMap { (1024...1_048_576).contains($0) ? $0 : nil }
            }
        )
        self.logFormat = try read(.logFormat, expected: "logfmt or json") { LogFormat(rawValue: $0) }
        self.logLevel = try read(
            .logLevel,
            expected: "one of trace, debug, info, notice, warning, error, critical"
        ) { Logger.Level(rawValue: $0.lowercased()) }
        self.amqpPrefetch = try read(.amqpPrefetch, expected: "a number from 1 to 65535") { raw in
            UInt16(raw).flatMap { $0 > 0 ? $0 : nil }
        }
        self.amqpHeartbeatSeconds = try read(.amqpHeartbeatSeconds, expected: "seconds from 0 to 65535") { raw in
            Int(raw).flatMap { (0...65535).contains($0) ? $0 : nil }
        }
        self.messageMaxAttempts = try read(.messageMaxAttempts, expected: "a number, 1 or more") { raw in
            Int(raw).flatMap { $0 >= 1 ? $0 : nil }
        }
        self.deadLetterRetention = try read(.deadLetterRetentionHours, expected: "hours, 1 or more") { raw in
            Int(raw).flatMap { $0 >= 1 ? Duration.seconds($0 * 3600) : nil }
        }
        self.outboxParkAfter = try read(.outboxParkAfterSeconds, expected: "seconds, 0 or more") { raw in
            Int(raw).flatMap { $0 >= 0 ? Duration.seconds($0) : nil }
        }
        self.staffTokens = StaffTokenSettings(
            keysFile: given(.staffTokenKeysFile),
            keys: try StaffTokenKeySet.configured(file: given(.staffTokenKeysFile), in: deployment),
            issuer: try read(.staffTokenIssuer, expected: "a name") { $0 },
            clockSkew: try read(.staffTokenClockSkewSeconds, expected: "seconds from 0 to 300") { raw in
                Int(raw).flatMap { (0...300).contains($0) ? TimeInterval($0) : nil }
            },
            maxLifetime: try read(.staffTokenMaxLifetimeHours, expected: "hours from 1 to 744") { raw in
                Int(raw).flatMap { (1...744).contains($0) ? TimeInterval($0 * 3600) : nil }
            })
        let keyId = try read(.personalDataKeyId, expected: "1 to 16 ASCII letters or digits") { raw in
            PersonalDataKey.isValid(id: raw) ? raw : nil
        }
        try SecretPolicy.personalDataKey.check(given(.personalDataKey), of: ConfigurationKey.personalDataKey.name,
                                               in: deployment)
        self.personalDataKey = try read(.personalDataKey, expected: "32 bytes in base64") { raw in
            try? PersonalDataKey(id: keyId, base64: raw)
        }
        self.previousPersonalDataKeys = try read(
            .personalDataPreviousKeys,
            expected: "id:base64 entries, each id unique and not PERSONAL_DATA_KEY_ID, each key 32 bytes in base64"
        ) { raw in
            try? PersonalDataKey.list(raw, excluding: keyId)
        }
        let shardName = try read(.shard, expected: "lower-case letters and digits") { $0 }
        let branches = try read(.shardBranches, expected: "comma-separated branch codes") { $0 }
        if shardName.isEmpty {
            guard branches.isEmpty else {
                throw ConfigurationError(variable: ConfigurationKey.shardBranches.name, value: branches,
                                         expected: "nothing without SHARD")
            }
            shard = nil
        } else {
            guard let shard = Shard(name: shardName, branches: branches) else {
                throw ConfigurationError(
                    variable: branches.isEmpty ? ConfigurationKey.shardBranches.name : ConfigurationKey.shard.name,
                    value: branches.isEmpty ? "" : "\(shardName) over \(branches)",
                    expected: "a shard name of 1-16 lower-case letters or digits and comma-separated upper-case branch codes")
            }
            self.shard = shard
        }
        self.trustedProxies = try TrustedProxies(environment: environment)
        let signIn = given(.staffSignInURL)
            ?? (deployment == .development ? ConfigurationKey.staffSignInURL.defaultValue.value(for: service) : nil)
        self.staffSignInURL = try signIn.map { raw in
            guard let url = URL(string: raw), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                  url.host?.isEmpty == false, url.query == nil, url.fragment == nil else {
                throw ConfigurationError(variable: ConfigurationKey.staffSignInURL.name, value: raw,
                                         expected: "an http:// or https:// URL without query")
            }
            return raw.hasSuffix("/") ? String(raw.dropLast()) : raw
        }
        self.environment = environment
    }
}

extension ServiceConfiguration {
    /// Seals with the current personal-data key and opens with it and every previous one.
    public var personalData: PersonalDataProtector {
        PersonalDataProtector(key: personalDataKey, previous: previousPersonalDataKeys)
    }

    /// The variables that hold a secret, whose values no ``ConfigurationError`` keeps.
    static let secretKeys = Set([ConfigurationKey.amqpURL, .personalDataKey, .personalDataPreviousKeys].map(\.name))

    /// Broker settings for one of this service's components (`relay`, `consumer`, `rpc`), named
    /// `<service>/<component>` so operators can tell the connections apart.
    public func broker(_ component: String) -> BrokerSettings {
        BrokerSettings(nodes: brokerNodes, connectionName: "\(instance)/\(component)", heartbeatSeconds: amqpHeartbeatSeconds,
                       caFile: amqpCAFile)
    }
}
