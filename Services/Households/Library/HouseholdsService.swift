import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceKit
import ServiceLifecycle
import StaffAuth
import WebPages

/// The households service: the corporation's sub-household program (QLHP). It keeps the
/// shared-meter dossiers (main household and sub-households), imports the billing system's
/// customers, counts the households each meter supports, finds duplicates across the
/// corporation, reconciles the counts with billing, watches residence confirmations and
/// records meter splits; and it screens new requests' ID numbers (flow steps 3 and 7).
///
/// Its own settings are in ``HouseholdsSettings``; `PERSONAL_DATA_KEY` seals the names, ID
/// numbers, addresses and phones it keeps.
public struct HouseholdsService: ServiceDefinition {
    public static let name = "households"

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        HouseholdsSchema.register(in: &migrator, personalData: personalData)
    }

    public static var personalDataTables: [PersonalDataTable] { HouseholdsSchema.personalDataTables }

    /// The program's operations, which the endpoints, handlers and the daily pass share.
    let program: HouseholdsProgram
    private let screening: IdentityScreening
    private let registration: MainHouseholdRegistration
    private let splits: MeterSplitRecording
    private let endpoints: (dossiers: DossierEndpoint, imports: ImportEndpoint, reports: ReportEndpoint,
                            attachments: DossierAttachmentEndpoint)
    private let schedule: ResidenceCheckSchedule
    private let pages: HouseholdPages

    public init(context: ServiceContext) throws {
        let settings = try HouseholdsSettings(environment: context.configuration.environment)
        let program = HouseholdsProgram(store: context.store, writer: context.writer, outbox: context.outbox,
                                        personalData: context.personalData, reminderHoldAbove: settings.reminderHoldAbove,
                                        logger: context.logger, clock: context.clock)
        let staff = StaffTokenVerifier(context: context)
        let papers = DossierPapers(dossier: program.dossier,
                                   attachments: DossierAttachments(writer: context.writer, database: context.store.database,
                                                                   personalData: context.personalData,
                                                                   limits: settings.attachments),
                                   clock: context.clock)
        self.program = program
        screening = IdentityScreening(sealing: program.registry.sealing, duplicates: program.duplicateIndex,
                                      registry: program.registry, outbox: context.outbox, logger: context.logger)
        registration = MainHouseholdRegistration(registry: program.registry, validator: program.validator,
                                                 messages: HouseholdsMessages(outbox: context.outbox),
                                                 logger: context.logger)
        splits = MeterSplitRecording(registry: program.registry, logger: context.logger)
        let wholeLists = WholeListResponses(reports: program.reports, document: try RepricingDocument())
        endpoints = (
            DossierEndpoint(staff: staff, program: program),
            ImportEndpoint(staff: staff, program: program, maxBytes: settings.importMaxBytes),
            ReportEndpoint(staff: staff, program: program, wholeLists: wholeLists),
            DossierAttachmentEndpoint(staff: staff, program: program, papers: papers)
        )
        pages = HouseholdPages(pages: try WebPages(HouseholdPages.templates),
                               session: try StaffPageSession(verifier: staff, configuration: context.configuration),
                               program: program, papers: papers, wholeLists: wholeLists)
        schedule = ResidenceCheckSchedule(program: program, at: settings.residenceCheck, logger: context.logger)
    }

    public var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        let screening = screening
        let registration = registration
        let splits = splits
        let clock = program.clock
        handlers.on(ScreenIdentities.self) { command, context in
            try screening.screen(command, cause: context.envelope, at: clock.preciseNow(), in: context.db)
        }
        handlers.on(RegisterMainHousehold.self) { command, context in
            try registration.register(command, at: clock.preciseNow(), in: context.db)
        }
        handlers.on(RegisterSubHouseholds.self) { command, context in
            try registration.registerRequested(command, cause: context.envelope, at: clock.preciseNow(), in: context.db)
        }
        handlers.on(MeterSplit.self) { event, context in
            try splits.record(event, cause: context.envelope, in: context.db)
        }
        let registry = program.registry
        handlers.answer(MeterHouseholdsQuery.self) { query, db in
            try registry.meterHouseholds(customerCode: query.customerCode, holderPhone: query.holderPhone, in: db)
        }
        return handlers
    }

    public func routes(_ router: Router<ServiceRequestContext>) {
        endpoints.dossiers.register(on: router)
        endpoints.imports.register(on: router)
        endpoints.reports.register(on: router)
        endpoints.attachments.register(on: router)
        pages.register(on: router)
    }

    public var backgroundServices: [any Service] { [schedule] }
}
