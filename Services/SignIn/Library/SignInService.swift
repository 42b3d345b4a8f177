import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceKit
import StaffAuth
import StaffDirectory
import StaffTokenIssuing
import WebPages

/// The staff sign-in: staff sign in once with their directory account and every console
/// accepts them until they sign out or their session ends.
///
/// It is an executable of its own because it is the only holder of the private signing key and
/// the only place that binds to the directory with people's passwords: the six services, some
/// facing the internet, verify tokens with public keys and never see a password, so breaking
/// into one of them mints no token and collects no password. It consumes no messages.
///
/// Configuration beyond ServiceKit's: `STAFF_CONSOLE_ORIGINS`, `STAFF_CONSOLE_URLS`,
/// `STAFF_SESSION_IDLE_TIMEOUT`, `STAFF_SESSION_MAX_AGE`, `STAFF_ACCESS_TOKEN_LIFETIME`,
/// `STAFF_COOKIE_DOMAIN`, `STAFF_TOKEN_SIGNING_KEY_FILE`, `STAFF_TOKEN_SIGNING_KEY_ID`, the
/// lock-out limits `STAFF_SIGN_IN_*` and the `STAFF_DIRECTORY_*` variables (``SignInSettings``).
public struct SignInService: ServiceDefinition {
    public static let name = "signin"

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        SignInSchema.register(in: &migrator)
    }

    public static var personalDataTables: [PersonalDataTable] { SignInSchema.personalDataTables }

    private let endpoint: SignInEndpoint
    private let consoleOrigins: ConsoleOrigins
    private let audit: SignInAuditEndpoint
    private let clientCredentials: ClientCredentialsEndpoint
    private let devices: DeviceEndpoint

    /// The service reading the time from `context.clock` (tests move it on).
    public init(context: ServiceContext) throws {
        let clock = context.clock
        let settings = try SignInSettings(context.configuration)
        let issuer = StaffTokenIssuer(signingKey: settings.signingKey, issuer: context.configuration.staffTokens.issuer)
        consoleOrigins = settings.consoleOrigins
        let book = SessionBook(idleTimeout: settings.idleTimeout, maxAge: settings.maxAge, personalData: context.personalData)
        let ledger = SignInLedger(policy: settings.lockout, personalData: context.personalData)
        let visitor = VisitorSession(book: book, store: context.store, clock: clock)
        let pages = try SignInPages()
        let cookies = SessionCookies(domain: settings.cookieDomain, secure: settings.secureCookies)
        let tokens = AccessTokens(issuer: issuer, lifetime: settings.accessTokenLifetime)
        endpoint = SignInEndpoint(
            directory: StaffDirectory(settings: settings.directory), book: book, ledger: ledger, devices: WallBoardDevices(),
            tokens: tokens, cookies: cookies, origins: settings.consoleOrigins, consoles: settings.consoles, pages: pages,
            writer: context.writer, visitor: visitor, proxies: context.configuration.trustedProxies, clock: clock,
            logger: context.logger)
        clientCredentials = ClientCredentialsEndpoint(
            accounts: ServiceAccountBook(), ledger: ledger, tokens: tokens, writer: context.writer,
            proxies: context.configuration.trustedProxies, clock: clock, logger: context.logger)
        devices = DeviceEndpoint(devices: WallBoardDevices(), visitor: visitor, writer: context.writer, store: context.store,
                                 cookies: cookies, consoles: settings.consoles, pages: pages, clock: clock)
        audit = SignInAuditEndpoint(ledger: ledger, store: context.store, visitor: visitor,
                                    verifier: StaffTokenVerifier(context: context), pages: pages)
    }

    public var handlers: MessageHandlers { MessageHandlers() }

    /// The sign-in form's post is answered with a redirect to the console that sent the person,
    /// which browsers allow only to the pages' form targets.
    public var formTargets: [String] { consoleOrigins.origins.sorted() }

    public func routes(_ router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        endpoint.register(on: router)
        audit.register(on: router)
        clientCredentials.register(on: router)
        devices.register(on: router)
    }
}
