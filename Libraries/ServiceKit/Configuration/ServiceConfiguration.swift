import Foundation
import Messaging
import Logging
import PersonalData

/// Everything a service reads from its environment, parsed and checked once at start-up.
///
/// Every value has a default that works on a developer machine against a local broker
/// (see ``ConfigurationKey``); a value that cannot be used throws a ``ConfigurationError``
/// naming the variable, so a misconfigured service stops before it does any work.
public struct ServiceConfiguration: Sendable {
    /// The service's name, for example `intake`; it names the store file and the log lines.
    public let service: String
    /// The broker to connect to (`AMQP_URL`).
    public let amqpURL: AMQPURL
    /// The folder holding the service's store (`DATA_DIR`).
    public let dataDirectory: String
    /// The address the HTTP server binds to (`HTTP_HOST`).
    public let httpHost: String
    /// The HTTP server's port (`HTTP_PORT`).
    public let httpPort: Int
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
    /// The key staff tokens are signed and checked with (`STAFF_TOKEN_SECRET`).
    public let staffTokenSecret: String
    /// The key personal data is sealed with at rest (`PERSONAL_DATA_KEY`).
    public let personalDataKey: PersonalDataKey
    /// The shard this instance is (`SHARD`, `SHARD_BRANCHES`); nil for an unsharded service.
    public let shard: Shard?
    /// The proxies whose forwarding headers are believed (`TRUSTED_PROXIES`).
    public let trustedProxies: TrustedProxies

    /// The instance's name: the service's, with the shard's after a dot (`crm.pc05`). It
    /// names the queues and the broker connections.
    public var instance: String {
        shard.map { "\(service).\($0.name)" } ?? service
    }
    /// The whole environment the configuration was read from, for a service's own settings
    /// (documented in its README), so that tests can hand a service its settings in-process.
    public let environment: [String: String]

    /// The service's SQLite file: `<DATA_DIR>/<service>.sqlite` (`<service>-<shard>.sqlite` for a shard).
    public var storePath: String {
        (dataDirectory as NSString).appendingPathComponent("\(shard.map { "\(service)-\($0.name)" } ?? service).sqlite")
    }

    /// Reads the configuration of a service from its environment.
    ///
    /// A variable that is unset or empty takes its default.
    ///
    /// - Parameters:
    ///   - service: The service's name, for example `intake`; it picks the per-service defaults.
    ///   - environment: The variables to read; the process environment unless a test gives its own.
    /// - Throws: ``ConfigurationError`` for the first variable whose value cannot be used.
    public init(
        service: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        func read<Value>(
            _ key: ConfigurationKey,
            expected: String,
            _ parse: (String) -> Value?
        ) throws -> Value {
            let given = environment[key.name].flatMap { $0.isEmpty ? nil : $0 }
            let raw = given ?? key.defaultValue.value(for: service)
            guard let value = parse(raw) else {
                throw ConfigurationError(variable: key.name, value: raw, expected: expected)
            }
            return value
        }

        self.service = service
        self.amqpURL = try read(.amqpURL, expected: "an amqp://user:password@host:port/vhost URL") { raw in
            try? AMQPURL(raw)
        }
        self.dataDirectory = try read(.dataDirectory, expected: "a folder path") { $0 }
        self.httpHost = try read(.httpHost, expected: "a host name or IP address") { $0 }
        self.httpPort = try read(.httpPort, expected: "a port number from 1 to 65535") { raw in
            Int(raw).flatMap { (1...65535).contains($0) ? $0 : nil }
        }
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
        self.staffTokenSecret = try read(.staffTokenSecret, expected: "at least 32 characters") { raw in
            raw.utf8.count >= 32 ? raw : nil
        }
        self.personalDataKey = try read(.personalDataKey, expected: "32 bytes in base64") { raw in
            try? PersonalDataKey(base64: raw)
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
        self.environment = environment
    }
}

extension ServiceConfiguration {
    /// Broker settings for one of this service's components (`relay`, `consumer`, `rpc`), named
    /// `<service>/<component>` so operators can tell the connections apart.
    public func broker(_ component: String) -> BrokerSettings {
        BrokerSettings(url: amqpURL, connectionName: "\(instance)/\(component)", heartbeatSeconds: amqpHeartbeatSeconds)
    }
}
