import Foundation
import GRDB
import Hummingbird
import Logging
import Messaging
import PersonalData
import ServiceKit
import StaffAuth
import WebPages

/// The outage service: customers' outage reports clustered into one incident per area, the
/// incident's way from open to restored with every reporter told once, the planned-outage
/// schedule with its notices to every supply point of the area (Circular 22/2020/TT-BCT),
/// and the schedule look-up the portal asks (`outage.planned-outages`). Its staff pages serve
/// dispatch: the live incident board, the planned-outage schedule and the supply-point import.
///
/// Configuration beyond ServiceKit's: ``OutageSettings`` (`SERVICE_AREAS_FILE`,
/// `INCIDENT_WINDOW_MINUTES`).
public struct OutageService: ServiceDefinition {
    public static let name = "outage"

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        OutageSchema.register(in: &migrator)
    }

    public static var personalDataTables: [PersonalDataTable] { OutageSchema.personalDataTables }

    private let incidentDesk: IncidentDesk
    private let registry: SupplyPointRegistry
    private let incidents: IncidentEndpoints
    private let planned: PlannedOutageEndpoints
    private let supplyPoints: SupplyPointEndpoint
    private let incidentPages: IncidentPages
    private let plannedPage: PlannedOutagePage
    private let importPage: SupplyPointImportPage
    private let clock: WallClock
    private let logger: Logger

    public init(context: ServiceContext) throws {
        let settings = try OutageSettings(environment: context.configuration.environment)
        clock = context.clock
        logger = context.logger
        let staff = StaffTokenVerifier(context: context)
        let registry = SupplyPointRegistry(personalData: context.personalData)
        self.registry = registry
        incidentDesk = IncidentDesk(outbox: context.outbox, personalData: context.personalData,
                                    window: TimeInterval(settings.windowMinutes * 60), logger: context.logger)
        let actions = IncidentActions(desk: incidentDesk, writer: context.writer, store: context.store,
                                      clock: context.clock)
        incidents = IncidentEndpoints(staff: staff, actions: actions)
        let schedule = PlannedOutageSchedule(
            rules: PlannedOutageRules(areas: settings.areas),
            desk: PlannedOutageDesk(outbox: context.outbox, registry: registry, logger: context.logger),
            writer: context.writer, store: context.store, clock: context.clock)
        planned = PlannedOutageEndpoints(staff: staff, schedule: schedule)
        let loader = SupplyPointLoader(importer: SupplyPointImport(areas: settings.areas), registry: registry,
                                       writer: context.writer, clock: context.clock)
        supplyPoints = SupplyPointEndpoint(staff: staff, loader: loader)
        let pages = try WebPages(IncidentPages.templates.merging(
            ["plannedOutages": PlannedOutagePage.template, "supplyPoints": SupplyPointImportPage.template]) { first, _ in first })
        let session = try StaffPageSession(verifier: staff, configuration: context.configuration)
        incidentPages = IncidentPages(pages: pages, session: session, actions: actions, areas: settings.areas)
        plannedPage = PlannedOutagePage(pages: pages, session: session, schedule: schedule)
        importPage = SupplyPointImportPage(pages: pages, session: session, loader: loader)
    }

    public var handlers: MessageHandlers { OutageMessageHandlers.make(
        desk: incidentDesk, registry: registry, clock: clock, logger: logger) }

    public func routes(_ router: Router<ServiceRequestContext>) {
        incidents.register(on: router)
        planned.register(on: router)
        supplyPoints.register(on: router)
        incidentPages.register(on: router)
        plannedPage.register(on: router)
        importPage.register(on: router)
    }
}
