import Foundation
import ServiceKit

/// Where the staff directory is and how the platform speaks to it, from the `STAFF_DIRECTORY_*`
/// variables (`docs/configuration.md`).
public struct StaffDirectorySettings: Sendable {
    /// `ldap://host:port` or `ldaps://host:port` (`STAFF_DIRECTORY_URL`).
    public let url: String
    /// The CAs an `ldaps://` directory's certificate must chain to; nil for the system's.
    public let caFile: String?
    /// The read-only account people are searched with (`STAFF_DIRECTORY_BIND_DN`).
    public let bindDN: String
    /// That account's password (`STAFF_DIRECTORY_BIND_PASSWORD`).
    public let bindPassword: String
    /// Where people and role groups are searched (`STAFF_DIRECTORY_SEARCH_BASE`).
    public let searchBase: String
    /// How long connecting, and each search or bind, may take (`STAFF_DIRECTORY_TIMEOUT_SECONDS`).
    public let timeout: Duration

    public init(url: String, caFile: String? = nil, bindDN: String, bindPassword: String, searchBase: String,
                timeout: Duration = .seconds(5)) {
        self.url = url
        self.caFile = caFile
        self.bindDN = bindDN
        self.bindPassword = bindPassword
        self.searchBase = searchBase
        self.timeout = timeout
    }

    /// Reads the settings from `environment`, each unset variable taking its default.
    ///
    /// Outside development (`EVN_ENV`) the account's password must pass
    /// ``SecretPolicy/directoryPassword`` and the URL must be `ldaps://`: people's passwords
    /// cross the network on every sign-in.
    /// - Throws: ``ConfigurationError`` naming the first variable that cannot be used.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) {
        func value(_ key: ConfigurationKey) -> String {
            environment[key.name].flatMap { $0.isEmpty ? nil : $0 } ?? key.defaultValue.value(for: "")
        }
        let deploymentName = value(.deploymentEnvironment)
        guard let deployment = DeploymentEnvironment(rawValue: deploymentName) else {
            throw ConfigurationError(variable: ConfigurationKey.deploymentEnvironment.name, value: deploymentName,
                                     expected: "development or production")
        }
        let url = value(.staffDirectoryURL)
        let scheme = URLComponents(string: url).flatMap { $0.host?.isEmpty == false ? $0.scheme?.lowercased() : nil }
        let schemes: Set<String> = deployment == .development ? ["ldap", "ldaps"] : ["ldaps"]
        guard let scheme, schemes.contains(scheme) else {
            throw ConfigurationError(
                variable: ConfigurationKey.staffDirectoryURL.name, value: url,
                expected: deployment == .development ? "an ldap://host:port or ldaps://host:port URL"
                    : "an ldaps://host:port URL (EVN_ENV is not development)")
        }
        let caFile = value(.staffDirectoryCAFile)
        guard caFile.isEmpty || FileManager.default.isReadableFile(atPath: caFile) else {
            throw ConfigurationError(variable: ConfigurationKey.staffDirectoryCAFile.name, value: caFile,
                                     expected: "a readable PEM file")
        }
        try SecretPolicy.directoryPassword.check(
            environment[ConfigurationKey.staffDirectoryBindPassword.name], of: ConfigurationKey.staffDirectoryBindPassword.name,
            in: deployment)
        let timeout = value(.staffDirectoryTimeoutSeconds)
        guard let seconds = Int(timeout), (1...60).contains(seconds) else {
            throw ConfigurationError(variable: ConfigurationKey.staffDirectoryTimeoutSeconds.name, value: timeout,
                                     expected: "seconds from 1 to 60")
        }
        self.init(url: url, caFile: caFile.isEmpty ? nil : caFile, bindDN: value(.staffDirectoryBindDN),
                  bindPassword: value(.staffDirectoryBindPassword), searchBase: value(.staffDirectorySearchBase),
                  timeout: .seconds(seconds))
    }
}
