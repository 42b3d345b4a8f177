import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceLifecycle

/// What makes one service different from the others. Everything it shares
/// with them — configuration, logging, store, outbox relay, inbox consumer,
/// look-up client, HTTP endpoints, shutdown — `ServiceHost` does the same way,
/// so a service is its domain code plus one type conforming to this.
public protocol ServiceDefinition: Sendable {
    /// The service's name: `intake`, `crm`, `metering`, `households`, `outage`, `notification`.
    static var name: String { get }

    /// Registers the service's own migrations, after the shared messaging tables.
    ///
    /// - Parameter personalData: seals personal data a migration moves out of plain text.
    static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector)

    /// The tables of the service's store that hold sealed or fingerprinted personal data, for
    /// `evnctl reseal` after a key change; none by default.
    static var personalDataTables: [PersonalDataTable] { get }

    /// Builds the service from the parts every service has.
    init(context: ServiceContext) throws

    /// What the service consumes; its inbox queue is bound to exactly these keys.
    var handlers: MessageHandlers { get }

    /// Adds the service's own API to the router (beside `/healthz`, `/readyz`, `/metrics`).
    func routes(_ router: Router<ServiceRequestContext>)

    /// Further long-running parts, such as a daily job.
    var backgroundServices: [any Service] { get }

    /// Numbers of the service's own that operators alert on, read from its store at every
    /// scrape of `/metrics`; none by default.
    var gauges: [ScrapedGauge] { get }
    /// Origins (`https://host[:port]`) besides the service's own and the staff sign-in's that
    /// its pages' forms post to, or are sent on to after posting: browsers hold both to the
    /// pages' Content-Security-Policy (``SecurityHeaders``). None by default.
    var formTargets: [String] { get }
}

extension ServiceDefinition {
    public var backgroundServices: [any Service] { [] }

    public var gauges: [ScrapedGauge] { [] }
    public var formTargets: [String] { [] }

    public static var personalDataTables: [PersonalDataTable] { [] }

    /// The migrator of this service's store: messaging tables first, then the service's own.
    public static func migrator(personalData: PersonalDataProtector) -> DatabaseMigrator {
        var migrator = ServiceStore.migrator()
        migrations(&migrator, personalData: personalData)
        return migrator
    }
}
