import CSV
import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import PersonalData
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WorkingCalendar

/// The sub-household program's operations, one place for the API, the command line and the
/// benchmark: imports, registrations, duplicates, reconciliation, residence expiry, splits.
///
/// Access is the caller's: endpoints authenticate and resolve the unit before they call, and
/// pass the staff member's claims where a rule depends on the role (a supervisor's override).
public struct HouseholdsProgram: Sendable {
    let store: ServiceStore
    let writer: GroupCommitWriter
    let registry: DossierRegistry
    let duplicateIndex: DuplicateIndex
    let counter: HouseholdCounter
    let validator: DossierValidator
    let customers: CustomerLedger
    let imports: ImportLedger
    let reconciliation: Reconciliation
    let expiry: ResidenceExpiry
    let splits: SplitReportReader
    let catalogue: DossierCatalogue
    let logger: Logger

    /// Opens (creating and migrating) a households store at `path`: the service's own schema.
    public static func openStore(path: String, personalData: PersonalDataProtector) throws -> ServiceStore {
        try ServiceStore(path: path, migrator: HouseholdsService.migrator(personalData: personalData))
    }

    /// The program over the configured service's store, for the operator commands. Their output
    /// is what they print (an import's summary); only warnings and errors are logged, as the
    /// service's lines would be, so a script can read the summary from standard output.
    public static func open(configuration: ServiceConfiguration) throws -> HouseholdsProgram {
        LoggingSystem.bootstrap(service: HouseholdsService.name, format: configuration.logFormat,
                                level: max(configuration.logLevel, .warning))
        let personalData = configuration.personalData
        let settings = try HouseholdsSettings(environment: configuration.environment)
        let store = try ServiceStore(configuration: configuration, migrator: HouseholdsService.migrator(personalData: personalData))
        return HouseholdsProgram(store: store, personalData: personalData, reminderHoldAbove: settings.reminderHoldAbove,
                                 logger: Logger(label: HouseholdsService.name))
    }

    /// The daily residence pass, now, for an operator or a scheduler outside the service.
    public func runResidencePassNow() async throws -> String {
        let pass = try await runResidencePass()
        return "residence pass \(pass.day): \(pass.recounted) dossiers recounted, \(pass.remindersSent) reminders sent, "
            + "\(pass.remindersHeld) held for release, \(pass.remindersWithoutPhone) due without a phone"
    }

    /// `REMINDER_HOLD_ABOVE` when unset: a normal day's reminders of the whole corporation go
    /// out, the first pass after a dossier import is held.
    public static let defaultReminderHoldAbove = 1_000

    /// The program over `store`, outside a running service: messages it sends wait in the
    /// store's outbox until the service's relay publishes them.
    ///
    /// - Parameter reminderHoldAbove: the most main households one residence pass texts
    ///   (`REMINDER_HOLD_ABOVE`); more are held for release.
    public init(store: ServiceStore, personalData: PersonalDataProtector,
                reminderHoldAbove: Int = defaultReminderHoldAbove, logger: Logger) {
        self.init(store: store, writer: GroupCommitWriter(database: store.database),
                  outbox: Outbox(service: ServiceName.households.rawValue), personalData: personalData, reminderHoldAbove: reminderHoldAbove, logger: logger)
    }

    init(store: ServiceStore, writer: GroupCommitWriter, outbox: Outbox, personalData: PersonalDataProtector,
         reminderHoldAbove: Int, logger: Logger) {
        let sealing = MemberSealing(personalData: personalData)
        let messages = HouseholdsMessages(outbox: outbox)
        let counter = HouseholdCounter(messages: messages)
        self.store = store
        self.writer = writer
        self.counter = counter
        duplicateIndex = DuplicateIndex()
        registry = DossierRegistry(sealing: sealing, duplicates: duplicateIndex, counter: counter)
        validator = DossierValidator()
        customers = CustomerLedger(personalData: personalData)
        imports = ImportLedger()
        reconciliation = Reconciliation(personalData: personalData)
        expiry = ResidenceExpiry(counter: counter, messages: messages, sealing: sealing, holdAbove: reminderHoldAbove)
        splits = SplitReportReader()
        catalogue = DossierCatalogue(personalData: personalData)
        self.logger = logger
    }

    // MARK: Imports

    /// Imports the billing system's customer export at `path`.
    public func importCustomers(csvFile path: String, by staffId: String) async throws -> ImportSummary {
        try await importCustomers(CSVReader(path: path), source: path, by: staffId)
    }

    func importCustomers(_ reader: CSVReader, source: String, by staffId: String) async throws -> ImportSummary {
        try await CustomerImport(database: store.database, customers: customers, imports: imports, logger: logger)
            .run(reader, source: source, by: staffId, at: Date())
    }

    /// Imports the dossier file at `path` for the whole corporation.
    public func importDossiers(csvFile path: String, by staffId: String) async throws -> ImportSummary {
        try await importDossiers(CSVReader(path: path), source: path, unit: nil, by: staffId)
    }

    func importDossiers(_ reader: CSVReader, source: String, unit: String?, by staffId: String) async throws -> ImportSummary {
        try await DossierImport(database: store.database, registry: registry, counter: counter, imports: imports,
                                subHouseholds: validator.subHouseholds, logger: logger)
            .run(reader, source: source, unit: unit, by: staffId, at: Date(), today: .today)
    }

    // MARK: Dossiers

    /// How registering a whole dossier ended.
    enum DossierRegistration: Sendable {
        case registered(DossierView)
        case duplicates(DuplicateConflict)
    }

    /// Registers an existing dossier typed in by unit staff.
    func registerDossier(_ form: DossierForm, by claims: StaffClaims) async throws -> DossierRegistration {
        let unit = try claims.actingUnit(named: form.unit, field: "unit")
        let dossier: NewDossier
        do {
            dossier = try validator.validate(form, unit: unit, origin: .records)
        } catch {
            throw APIError.invalid(error)
        }
        let policy = try duplicatePolicy(form.override, claims)
        let registry = registry
        let now = Date()
        switch try await writer.write({ db in
            try registry.register(dossier, by: claims.staffId, at: now, today: CalendarDay(now), duplicates: policy, in: db)
        }) {
        case .registered(let view):
            logger.info("dossier registered from records", metadata: [
                "dossier_id": "\(view.dossierId)", "unit": "\(view.unit)", "customer_code": "\(view.customerCode)",
                "staff_id": "\(claims.staffId)", "sub_households": "\(view.members.count - 1)",
                "households": "\(view.allowance.households)", "overridden": "\(form.override != nil)",
            ])
            return .registered(view)
        case .customerCodeActive:
            throw APIError.customerCodeActive
        case .duplicates(let conflict):
            return .duplicates(visible(conflict, to: claims))
        }
    }

    /// The dossier `id`, for staff who may see its unit.
    func dossier(id: String, by claims: StaffClaims) async throws -> DossierView {
        let registry = registry
        guard let view = try await store.database.read({ db in try registry.dossier(id: id, in: db) }) else {
            throw APIError.dossierNotFound
        }
        try claims.requireAccess(unit: view.unit)
        return view
    }

    /// The active dossier of a shared meter, for staff who may see its unit.
    func dossier(customerCode: String, by claims: StaffClaims) async throws -> DossierView {
        let registry = registry
        guard let id = try await store.database.read({ db in
            try registry.activeDossierId(customerCode: customerCode.uppercased(), in: db)
        }) else { throw APIError.dossierNotFound }
        return try await dossier(id: id, by: claims)
    }

    /// The dossiers of `unit` (every unit's when `nil`) that `search` asks for; with a `page`,
    /// only its dossiers, and where the next page starts when one follows.
    func dossiers(unit: String?, search: DossierSearch?, page: ListPage?) async throws -> DossierList {
        let catalogue = catalogue
        return try await store.database.read { db in try catalogue.list(unit: unit, search: search, page: page, in: db) }
    }

    /// The dossier's count changes, latest first, for staff who may see its unit.
    func history(dossierId: String, by claims: StaffClaims) async throws -> [CountChange] {
        try await requireAccess(dossierId: dossierId, claims)
        let catalogue = catalogue
        return try await store.database.read { db in try catalogue.history(dossierId: dossierId, in: db) }
    }

    /// Closes a dossier: its households stop counting and leave the duplicate check.
    func closeDossier(id: String, by claims: StaffClaims) async throws -> DossierView {
        try await requireAccess(dossierId: id, claims)
        let registry = registry
        let now = Date()
        switch try await writer.write({ db in
            try registry.close(id: id, by: claims.staffId, at: now, today: CalendarDay(now), in: db)
        }) {
        case .closed(let view):
            logger.info("dossier closed", metadata: [
                "dossier_id": "\(id)", "unit": "\(view.unit)", "customer_code": "\(view.customerCode)",
                "staff_id": "\(claims.staffId)",
            ])
            return view
        case .alreadyClosed: throw APIError.dossierClosed
        case .notFound: throw APIError.dossierNotFound
        }
    }

    // MARK: Sub-households

    /// Registers a sub-household on the active dossier of `customerCode`, checked against every
    /// active dossier of the corporation.
    public func registerSubHousehold(_ form: SubHouseholdForm, customerCode: String,
                                     by claims: StaffClaims) async throws -> SubHouseholdRegistration {
        let registry = registry
        guard let dossierId = try await store.database.read({ db in
            try registry.activeDossierId(customerCode: customerCode, in: db)
        }) else { throw APIError.dossierNotFound }
        return try await registerSubHousehold(form, dossierId: dossierId, override: nil, by: claims)
    }

    /// Registers a sub-household on `dossierId`; a supervisor's `override` lets a duplicate through.
    func registerSubHousehold(_ form: SubHouseholdForm, dossierId: String, override: OverrideForm?,
                              by claims: StaffClaims) async throws -> SubHouseholdRegistration {
        try await requireAccess(dossierId: dossierId, claims)
        let sub = try check(form)
        let policy = try duplicatePolicy(override, claims)
        let registry = registry
        let now = Date()
        let today = CalendarDay(now)
        let change = try await writer.write { db in
            try registry.addSubHousehold(sub, to: dossierId, at: now, today: today, duplicates: policy, in: db)
        }
        if case .changed(let dossier, let view) = change {
            logger.info("sub-household registered", metadata: [
                "customer_code": "\(dossier.customerCode)", "dossier_id": "\(dossierId)",
                "sub_household_id": "\(view.subHouseholdId)", "staff_id": "\(claims.staffId)",
                "id_number": "\(view.maskedIdNumber)", "households": "\(dossier.allowance.households)",
                "overridden": "\(override != nil)",
            ])
        }
        return try outcome(change, claims)
    }

    /// Replaces a sub-household's details (a renewed confirmation, tenants who came or went).
    func updateSubHousehold(_ form: SubHouseholdForm, reference: SubHouseholdReference, override: OverrideForm?,
                            by claims: StaffClaims) async throws -> SubHouseholdRegistration {
        try await requireAccess(reference, claims)
        let sub = try check(form)
        let policy = try duplicatePolicy(override, claims)
        let registry = registry
        let now = Date()
        let change = try await writer.write { db in
            try registry.updateSubHousehold(memberId: reference.memberId, with: sub, at: now, today: CalendarDay(now),
                                            duplicates: policy, in: db)
        }
        if case .changed(let dossier, let view) = change {
            logger.info("sub-household updated", metadata: [
                "customer_code": "\(dossier.customerCode)", "sub_household_id": "\(reference)",
                "staff_id": "\(claims.staffId)", "counting": "\(view.counting)", "households": "\(dossier.allowance.households)",
            ])
        }
        return try outcome(change, claims)
    }

    /// Ends a sub-household: it no longer shares the meter.
    func endSubHousehold(_ reference: SubHouseholdReference, by claims: StaffClaims) async throws -> SubHouseholdView {
        try await requireAccess(reference, claims)
        let registry = registry
        let now = Date()
        let change = try await writer.write { db in
            try registry.endSubHousehold(memberId: reference.memberId, at: now, today: CalendarDay(now), in: db)
        }
        let view = try registered(change)
        if case .changed(let dossier, _) = change {
            logger.info("sub-household ended", metadata: [
                "customer_code": "\(dossier.customerCode)", "sub_household_id": "\(reference)",
                "staff_id": "\(claims.staffId)", "households": "\(dossier.allowance.households)",
            ])
        }
        return view
    }

    /// Records why a sub-household has not split, and whether it wants to.
    func recordSplitStatus(_ status: SplitStatusView, reference: SubHouseholdReference,
                           by claims: StaffClaims) async throws -> SubHouseholdView {
        try await requireAccess(reference, claims)
        let registry = registry
        let now = Date()
        let change = try await writer.write { db in
            try registry.recordSplitStatus(memberId: reference.memberId, status, at: now, in: db)
        }
        return try registered(change)
    }

    // MARK: Reports

    /// Every duplicate of the corporation, or those touching `unit`; with a `page`, only its
    /// cases, and where the next page starts when one follows.
    public func duplicates(unit: String?, page: ListPage? = nil) async throws -> DuplicateReport {
        let index = duplicateIndex
        return try await store.database.read { db in try index.report(unit: unit, page: page, at: Date(), in: db) }
    }

    /// The latest supervisors' overrides of the duplicate check on dossiers of `unit` (every
    /// unit's when `nil`), at most `limit`.
    func overrides(unit: String?, limit: Int = 50) async throws -> [OverrideRecord] {
        let index = duplicateIndex
        return try await store.database.read { db in try index.overrides(unit: unit, limit: limit, in: db) }
    }

    /// The re-pricing list of `unit` (every unit when `nil`), from the counts the dossiers keep.
    ///
    /// Only reads: a confirmation that ended stops counting at the next residence pass (at
    /// start-up and daily at `RESIDENCE_CHECK_AT`, before the branches open), not here, so the
    /// list answers at once even while a pass recounts a corporation's store.
    /// With a `page`, only its entries, and where the next page starts when one follows.
    public func repricing(unit: String?, page: ListPage? = nil) async throws -> RepricingList {
        let reconciliation = reconciliation
        let entries = try await store.database.read { db in try reconciliation.differences(unit: unit, page: page, in: db) }
        let next = page.flatMap { $0.next(entries, key: \.customerCode) }
        return RepricingList(generatedAt: Date(), unit: unit, entries: entries, next: next)
    }

    /// The residence confirmations of `unit` expiring within 30 days or expired; with a `page`,
    /// only its households, and where the next page starts when one follows.
    func expiring(unit: String?, page: ListPage? = nil) async throws -> ExpiryList {
        let expiry = expiry
        return try await store.database.read { db in try expiry.list(unit: unit, today: .today, page: page, in: db) }
    }

    /// Rows the residence pass (and a re-pricing list's recount) handles per transaction: each
    /// commits in a fraction of a second, so readers and the service's other writers never wait
    /// longer, however large the store.
    static let passBatch = 2_000

    /// The daily residence pass: recount what lapsed, remind each main household once per
    /// threshold — or hold the reminders, when more are due than ``ResidenceExpiry/holdAbove``.
    func runResidencePass(at now: Date = Date()) async throws -> ResidenceExpiry.Pass {
        let expiry = expiry
        let today = CalendarDay(now)
        var pass = ResidenceExpiry.Pass(day: today, recounted: try await recountLapsed(today: today, at: now),
                                        remindersSent: 0, remindersWithoutPhone: 0, remindersHeld: 0)
        let hold = try await store.database.read { db in try expiry.dueWithPhone(today: today, in: db) } > expiry.holdAbove
        while true {
            let (batch, taken) = try await store.database.write { db in
                try expiry.remindDue(today: today, at: now, hold: hold, limit: Self.passBatch, in: db)
            }
            pass.add(batch)
            if taken < Self.passBatch { break }
        }
        logger.info("residence pass done", metadata: [
            "day": "\(pass.day)", "recounted": "\(pass.recounted)", "reminders_sent": "\(pass.remindersSent)",
            "reminders_held": "\(pass.remindersHeld)", "reminders_without_phone": "\(pass.remindersWithoutPhone)",
        ])
        if pass.remindersHeld > 0 {
            logger.warning("residence reminders held for a households officer to release", metadata: [
                "reminders_held": "\(pass.remindersHeld)", "hold_above": "\(expiry.holdAbove)",
            ])
        }
        return pass
    }

    /// Recounts every dossier with a confirmation that lapsed before `today` and still counts,
    /// ``passBatch`` dossiers a transaction; returns how many.
    private func recountLapsed(today: CalendarDay, at now: Date) async throws -> Int {
        let expiry = expiry
        var after = ""
        var recounted = 0
        while true {
            let (last, count) = try await store.database.write { [after] db in
                try expiry.recountLapsed(today: today, at: now, after: after, limit: Self.passBatch, in: db)
            }
            recounted += count
            guard let last, count == Self.passBatch else { return recounted }
            after = last
        }
    }

    /// The reminders a residence pass held back, waiting for release.
    func heldReminders() async throws -> ResidenceExpiry.HeldReminders {
        let expiry = expiry
        return try await store.database.read { db in try expiry.held(in: db) }
    }

    /// How releasing the held reminders ended.
    struct ReleasedReminders: Sendable, Codable {
        /// Held reminders released.
        var released: Int
        /// Of those, the ones sent: the rest no longer applied (renewed, left, or no phone).
        var sent: Int
    }

    /// Sends every held reminder, for a corporation's households officer (checked by the
    /// endpoint), and records who released them in the log.
    func releaseHeldReminders(by claims: StaffClaims) async throws -> ReleasedReminders {
        let expiry = expiry
        var total = ReleasedReminders(released: 0, sent: 0)
        while true {
            let now = Date()
            let batch = try await store.database.write { db in try expiry.releaseHeld(at: now, limit: Self.passBatch, in: db) }
            guard batch.taken > 0 else { break }
            total.released += batch.taken
            total.sent += batch.sent
        }
        logger.notice("held residence reminders released", metadata: [
            "staff_id": "\(claims.staffId)", "released": "\(total.released)", "reminders_sent": "\(total.sent)",
        ])
        return total
    }

    /// The monthly split report of `unit` for the month starting on `firstDay`.
    func splitReport(unit: String?, month firstDay: CalendarDay) async throws -> SplitReport {
        let splits = splits
        return try await store.database.read { db in try splits.report(unit: unit, month: firstDay, in: db) }
    }

    // MARK: Helpers

    private func check(_ form: SubHouseholdForm) throws -> SubHousehold {
        var validation = Validation()
        let sub = validator.subHouseholds.check(form, today: .today, requireResidence: true, into: &validation)
        do {
            try validation.finish()
        } catch {
            throw APIError.invalid(error)
        }
        return sub!
    }

    private func duplicatePolicy(_ override: OverrideForm?, _ claims: StaffClaims) throws -> DossierRegistry.DuplicatePolicy {
        guard let override else { return .refuse }
        guard claims.roles.contains(.householdsSupervisor) else { throw APIError.overrideNotAllowed }
        do {
            let reason = try SubHouseholdValidator.text(override.reason ?? "", length: 10...500, problem: .invalidOverrideReason)
            return .override(staffId: claims.staffId, reason: reason)
        } catch {
            throw APIError.invalid(ValidationFailure(errors: [FieldError(field: "override.reason", problem: error)]))
        }
    }

    /// A conflict as `claims` may see it: other units' dossiers by unit only.
    private func visible(_ conflict: DuplicateConflict, to claims: StaffClaims) -> DuplicateConflict {
        DuplicateConflict(conflicts: conflict.conflicts.map { found in
            DuplicateCase(key: found.key, maskedKey: found.maskedKey, holdings: found.holdings.map { $0.seen(by: claims.ownUnit) })
        })
    }

    /// A registration's outcome as `claims` may see it.
    private func outcome(_ change: DossierRegistry.MemberChange, _ claims: StaffClaims) throws -> SubHouseholdRegistration {
        switch change {
        case .changed(_, let view):
            return .registered(view)
        case .duplicates(let conflict):
            return .duplicates(visible(conflict, to: claims))
        case .notFound: throw APIError.subHouseholdNotFound
        case .notCurrent: throw APIError.subHouseholdNotCurrent
        }
    }

    /// The household a change that cannot meet a duplicate left.
    private func registered(_ change: DossierRegistry.MemberChange) throws -> SubHouseholdView {
        switch change {
        case .changed(_, let view): return view
        case .duplicates: throw APIError.conflict(code: "sub_household.duplicate", vi: "Hộ đã có trong hồ sơ khác",
                                                  en: "The household is in another dossier")
        case .notFound: throw APIError.subHouseholdNotFound
        case .notCurrent: throw APIError.subHouseholdNotCurrent
        }
    }

    private func requireAccess(dossierId: String, _ claims: StaffClaims) async throws {
        let registry = registry
        guard let unit = try await store.database.read({ db in try registry.unit(ofDossier: dossierId, in: db) })
        else { throw APIError.dossierNotFound }
        try claims.requireAccess(unit: unit)
    }

    private func requireAccess(_ reference: SubHouseholdReference, _ claims: StaffClaims) async throws {
        let registry = registry
        guard let unit = try await store.database.read({ db in try registry.unit(ofMember: reference.memberId, in: db) })
        else { throw APIError.subHouseholdNotFound }
        try claims.requireAccess(unit: unit)
    }
}
