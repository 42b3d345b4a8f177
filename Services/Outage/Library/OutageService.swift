import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceKit
import StaffAuth

/// The outage service: customers' outage reports clustered into one incident per area, the
/// incident's way from open to restored with every reporter told once, the planned-outage
/// schedule with its notices to every supply point of the area (Circular 22/2020/TT-BCT),
/// and the schedule look-up the portal asks (`outage.planned-outages`).
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

    public init(context: ServiceContext) throws {
        let settings = try OutageSettings(environment: context.configuration.environment)
        let staff = StaffTokenVerifier(context: context)
        let registry = SupplyPointRegistry(personalData: context.personalData)
        self.registry = registry
        incidentDesk = IncidentDesk(outbox: context.outbox, personalData: context.personalData,
                                    window: TimeInterval(settings.windowMinutes * 60), logger: context.logger)
        incidents = IncidentEndpoints(staff: staff, desk: incidentDesk, writer: context.writer, store: context.store)
        planned = PlannedOutageEndpoints(
            staff: staff, rules: PlannedOutageRules(areas: settings.areas),
            desk: PlannedOutageDesk(outbox: context.outbox, registry: registry, logger: context.logger),
            writer: context.writer, store: context.store)
        supplyPoints = SupplyPointEndpoint(staff: staff, importer: SupplyPointImport(areas: settings.areas),
                                           registry: registry, writer: context.writer)
    }

    public var handlers: MessageHandlers { OutageMessageHandlers.make(desk: incidentDesk, registry: registry) }

    public func routes(_ router: Router<ServiceRequestContext>) {
        incidents.register(on: router)
        planned.register(on: router)
        supplyPoints.register(on: router)
    }
}
