import Foundation
import ServiceKit
import StaffDirectory
import StaffTokenIssuing

/// What the sign-in reads beyond every service's configuration (`docs/configuration.md`):
/// where it may send browsers, how long sessions and tokens last, the cookies' domain, the
/// private signing key, the directory and the lock-out limits.
///
/// Outside development it refuses to start on anything public: the development signing key
/// (anyone could mint a token every service accepts), the development directory account, or
/// an unset list of console origins.
public struct SignInSettings: Sendable {
    /// Where a browser may be sent back to (`STAFF_CONSOLE_ORIGINS`).
    public let consoleOrigins: ConsoleOrigins
    /// The consoles the landing page links to (`STAFF_CONSOLE_URLS`).
    public let consoles: ConsoleLinks
    /// Renewals further apart than this end the session (`STAFF_SESSION_IDLE_TIMEOUT`).
    public let idleTimeout: TimeInterval
    /// No session lasts longer than this from its sign-in (`STAFF_SESSION_MAX_AGE`).
    public let maxAge: TimeInterval
    /// The life of one access token (`STAFF_ACCESS_TOKEN_LIFETIME`).
    public let accessTokenLifetime: TimeInterval
    /// The cookies' `Domain`; nil for host-only cookies (`STAFF_COOKIE_DOMAIN`).
    public let cookieDomain: String?
    /// Whether cookies carry `Secure`: everywhere but development, which runs on plain HTTP.
    public let secureCookies: Bool
    /// The private key tokens are signed with (`STAFF_TOKEN_SIGNING_KEY_FILE`, `…_ID`).
    public let signingKey: StaffTokenSigningKey
    /// The staff directory people sign in against (`STAFF_DIRECTORY_*`).
    public let directory: StaffDirectorySettings
    /// When failed sign-ins lock an account or a client out (`STAFF_SIGN_IN_*`).
    public let lockout: LockoutPolicy

    /// Reads the settings of `configuration`'s environment.
    ///
    /// - Throws: ``ConfigurationError`` naming the first variable that cannot be used.
    public init(_ configuration: ServiceConfiguration) throws(ConfigurationError) {
        let environment = configuration.environment
        let deployment = configuration.deploymentEnvironment
        func given(_ key: ConfigurationKey) -> String? {
            environment[key.name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func duration(_ key: ConfigurationKey, within range: ClosedRange<TimeInterval>) throws(ConfigurationError) -> TimeInterval {
            let raw = given(key) ?? key.defaultValue.value(for: configuration.service)
            guard let seconds = Self.seconds(raw), range.contains(seconds) else {
                throw ConfigurationError(
                    variable: key.name, value: raw,
                    expected: "a whole number with s, m or h, from \(Int(range.lowerBound)) to \(Int(range.upperBound)) seconds")
            }
            return seconds
        }
        func count(_ key: ConfigurationKey, upTo limit: Int) throws(ConfigurationError) -> Int {
            let raw = given(key) ?? key.defaultValue.value(for: configuration.service)
            guard let count = Int(raw), (1...limit).contains(count) else {
                throw ConfigurationError(variable: key.name, value: raw, expected: "a whole number from 1 to \(limit)")
            }
            return count
        }

        let development = deployment == .development
        let origins = given(.staffConsoleOrigins) ?? (development ? ConsoleOrigins.development : nil)
        guard let origins, let parsed = ConsoleOrigins(origins) else {
            throw ConfigurationError(variable: ConfigurationKey.staffConsoleOrigins.name,
                                     value: given(.staffConsoleOrigins) ?? "",
                                     expected: "comma-separated http:// or https:// origins (scheme://host[:port])")
        }
        consoleOrigins = parsed
        let links = given(.staffConsoleURLs) ?? (development ? ConsoleLinks.development : "")
        guard let consoles = ConsoleLinks(links) else {
            throw ConfigurationError(variable: ConfigurationKey.staffConsoleURLs.name, value: links,
                                     expected: "comma-separated service=URL entries for intake, crm or households")
        }
        self.consoles = consoles
        idleTimeout = try duration(.staffSessionIdleTimeout, within: 60...86_400)
        maxAge = try duration(.staffSessionMaxAge, within: idleTimeout...86_400)
        accessTokenLifetime = try duration(.staffAccessTokenLifetime,
                                           within: 30...max(30, configuration.staffTokens.maxLifetime))
        cookieDomain = given(.staffCookieDomain)
        secureCookies = !development
        signingKey = try Self.signingKey(file: given(.staffTokenSigningKeyFile), id: given(.staffTokenSigningKeyID),
                                         in: deployment)
        directory = try StaffDirectorySettings(environment: environment)
        lockout = LockoutPolicy(accountFailures: try count(.staffSignInAccountFailures, upTo: 1000),
                                clientFailures: try count(.staffSignInClientFailures, upTo: 10_000),
                                window: try duration(.staffSignInFailureWindow, within: 60...86_400),
                                lockout: try duration(.staffSignInLockout, within: 60...86_400))
    }

    /// `30m`, `10h`, `300s` in seconds; nil for anything else.
    static func seconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Int(text.dropLast()), count >= 0 else { return nil }
        switch unit {
        case "s": return TimeInterval(count)
        case "m": return TimeInterval(count * 60)
        case "h": return TimeInterval(count * 3600)
        default: return nil
        }
    }

    /// The key of `file` under `id`; the development key only in development and only when no file is given.
    private static func signingKey(file: String?, id: String?, in deployment: DeploymentEnvironment)
        throws(ConfigurationError) -> StaffTokenSigningKey {
        let variable = ConfigurationKey.staffTokenSigningKeyFile.name
        guard let file else {
            guard deployment == .development else {
                throw ConfigurationError(variable: variable, value: nil,
                                         expected: "the path of this deployment's private signing key (EVN_ENV is not development, and it is not set)")
            }
            return .development
        }
        guard let id else {
            throw ConfigurationError(variable: ConfigurationKey.staffTokenSigningKeyID.name, value: nil,
                                     expected: "the key id of \(variable)")
        }
        guard let pem = FileManager.default.contents(atPath: file).map({ String(decoding: $0, as: UTF8.self) }),
              let key = try? StaffTokenSigningKey(id: id, pem: pem) else {
            throw ConfigurationError(variable: variable, value: file, expected: "a readable PEM file of a P-256 private key")
        }
        let development = StaffTokenSigningKey.development.publicKey
        if deployment == .production, key.publicKey.x == development.x, key.publicKey.y == development.y {
            throw ConfigurationError(variable: variable, value: file,
                                     expected: "this deployment's own key (EVN_ENV is not development, and the file holds the development key)")
        }
        return key
    }
}
