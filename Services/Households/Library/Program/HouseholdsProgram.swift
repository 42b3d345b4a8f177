import Contracts
import Foundation
import Logging
import Messaging
import PersonalData
import ServiceKit

/// The sub-household program's use cases over one households store, one type per thing staff
/// do: the endpoints and pages, the operator commands and the benchmark each call these same
/// ones (the message handlers share the registry and index they are built on).
///
/// Each use case that changes a dossier checks the staff member's access in the transaction
/// that writes; refusals are ``HouseholdsRefusal``s, which the HTTP edge answers.
public struct HouseholdsProgram: Sendable {
    public let importCustomers: CustomerImport
    public let importDossiers: DossierImport
    let openDossier: OpenDossier
    let dossier: ViewDossier
    let dossiers: ListDossiers
    let history: DossierHistory
    let closeDossier: CloseDossier
    public let registerSubHousehold: RegisterSubHousehold
    let updateSubHousehold: UpdateSubHousehold
    let endSubHousehold: EndSubHousehold
    let recordSplitStatus: RecordSplitStatus
    public let reports: HouseholdsReports
    public let runResidencePass: ResidencePass
    let heldReminders: HeldReminders
    let releaseHeldReminders: ReleaseHeldReminders
    /// What the message handlers share with the use cases.
    let registry: DossierRegistry
    let duplicateIndex: DuplicateIndex
    let validator: DossierValidator
    /// The time of day every use case reads.
    let clock: WallClock

    /// Opens (creating and migrating) a households store at `path`: the service's own schema.
    public static func openStore(path: String, personalData: PersonalDataProtector) throws -> ServiceStore {
        try ServiceStore(path: path, migrator: HouseholdsService.migrator(personalData: personalData))
    }

    /// `REMINDER_HOLD_ABOVE` when unset: a normal day's reminders of the whole corporation go
    /// out, the first pass after a dossier import is held.
    public static let defaultReminderHoldAbove = 1_000

    /// The program over `store`, outside a running service: messages it sends wait in the
    /// store's outbox until the service's relay publishes them.
    ///
    /// - Parameter reminderHoldAbove: the most main households one residence pass texts
    ///   (`REMINDER_HOLD_ABOVE`); more are held for release.
    /// - Parameter clock: the time of day the use cases read.
    public init(store: ServiceStore, personalData: PersonalDataProtector,
                reminderHoldAbove: Int = defaultReminderHoldAbove, logger: Logger, clock: WallClock = .system) {
        self.init(store: store, writer: GroupCommitWriter(database: store.database),
                  outbox: Outbox(service: ServiceName.households.rawValue), personalData: personalData,
                  reminderHoldAbove: reminderHoldAbove, logger: logger, clock: clock)
    }

    init(store: ServiceStore, writer: GroupCommitWriter, outbox: Outbox, personalData: PersonalDataProtector,
         reminderHoldAbove: Int, logger: Logger, clock: WallClock) {
        let sealing = MemberSealing(personalData: personalData)
        let messages = HouseholdsMessages(outbox: outbox)
        let counter = HouseholdCounter(messages: messages)
        let duplicateIndex = DuplicateIndex()
        let registry = DossierRegistry(sealing: sealing, duplicates: duplicateIndex, counter: counter)
        let access = UnitAccess(registry: registry)
        let validator = DossierValidator()
        let imports = ImportLedger()
        let catalogue = DossierCatalogue(personalData: personalData)
        let expiry = ResidenceExpiry(counter: counter, messages: messages, sealing: sealing, holdAbove: reminderHoldAbove)
        let pageCache = BatchJobPageCache(database: store.database)
        self.registry = registry
        self.duplicateIndex = duplicateIndex
        self.validator = validator
        self.clock = clock
        importCustomers = CustomerImport(database: store.database, pageCache: pageCache,
                                         customers: CustomerLedger(personalData: personalData),
                                         imports: imports, logger: logger, clock: clock)
        importDossiers = DossierImport(database: store.database, pageCache: pageCache, registry: registry, counter: counter,
                                       imports: imports, subHouseholds: validator.subHouseholds, logger: logger,
                                       clock: clock)
        openDossier = OpenDossier(writer: writer, registry: registry, validator: validator, logger: logger, clock: clock)
        dossier = ViewDossier(store: store, registry: registry)
        dossiers = ListDossiers(store: store, catalogue: catalogue)
        history = DossierHistory(store: store, access: access, catalogue: catalogue)
        closeDossier = CloseDossier(writer: writer, access: access, registry: registry, logger: logger, clock: clock)
        registerSubHousehold = RegisterSubHousehold(writer: writer, access: access, registry: registry,
                                                    validator: validator.subHouseholds, logger: logger, clock: clock)
        updateSubHousehold = UpdateSubHousehold(writer: writer, access: access, registry: registry,
                                                validator: validator.subHouseholds, logger: logger, clock: clock)
        endSubHousehold = EndSubHousehold(writer: writer, access: access, registry: registry, logger: logger,
                                          clock: clock)
        recordSplitStatus = RecordSplitStatus(writer: writer, access: access, registry: registry, clock: clock)
        reports = HouseholdsReports(store: store, duplicateIndex: duplicateIndex,
                                    reconciliation: Reconciliation(personalData: personalData), expiry: expiry,
                                    splits: SplitReportReader(), clock: clock)
        runResidencePass = ResidencePass(store: store, pageCache: pageCache, expiry: expiry, logger: logger, clock: clock)
        heldReminders = HeldReminders(store: store, expiry: expiry)
        releaseHeldReminders = ReleaseHeldReminders(store: store, expiry: expiry, logger: logger, clock: clock)
    }
}
