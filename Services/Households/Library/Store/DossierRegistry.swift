import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import VietnameseIdentity
import WorkingCalendar

/// The corporation's dossiers (`households_dossiers`, `households_members`): registers
/// dossiers and sub-households, updates, ends and splits them off, closes dossiers, and keeps
/// each dossier's count through ``HouseholdCounter``.
///
/// Every change runs in the caller's transaction, the corporation-wide duplicate check
/// included, so two counters registering the same person at once cannot both pass it.
struct DossierRegistry: Sendable {
    /// What to do when a household is already in another active dossier.
    enum DuplicatePolicy: Sendable {
        /// Refuse: the operator API's default.
        case refuse
        /// Register anyway, recording who allowed it and why.
        case override(staffId: String, reason: String)
        /// Register and leave it to the duplicate report: contracts (staff already decided on
        /// the screening) and bulk imports of existing dossiers.
        case allow
    }

    /// How a registration ended.
    enum Registration: Sendable {
        case registered(DossierView)
        /// The customer code already has an active dossier.
        case customerCodeActive
        case duplicates(DuplicateConflict)
    }

    /// How a change to one household ended.
    enum MemberChange: Sendable {
        case changed(DossierView, SubHouseholdView)
        case duplicates(DuplicateConflict)
        case notFound
        /// The household or its dossier no longer shares the meter.
        case notCurrent
    }

    /// How a closure ended.
    enum Closure: Sendable {
        case closed(DossierView)
        case alreadyClosed
        case notFound
    }

    let sealing: MemberSealing
    let duplicates: DuplicateIndex
    let counter: HouseholdCounter

    /// Registers `dossier`, numbered `HS-<unit>-<NNNNNN>` within its unit.
    func register(_ dossier: NewDossier, by staffId: String, at now: Date, today: CalendarDay,
                  duplicates policy: DuplicatePolicy, in db: Database) throws -> Registration {
        guard try activeDossierId(customerCode: dossier.customerCode, in: db) == nil else { return .customerCodeActive }
        let people: [(name: PersonName, id: CitizenID, book: String?, sub: SubHousehold?)] =
            [(dossier.holder.name, dossier.holder.id, dossier.holder.householdBook, nil)]
            + dossier.subHouseholds.map { ($0.name, $0.id, $0.householdBook, $0) }
        let hits = try duplicates.hits(idFingerprints: people.flatMap { sealing.idFingerprints($0.id) },
                                       bookFingerprints: people.flatMap { $0.book.map(sealing.bookFingerprints) ?? [] }, in: db)
        if let conflict = refusal(hits, policy: policy) { return .duplicates(conflict) }
        let id = try insertDossier(dossier, by: staffId, at: now, in: db)
        let overrideId = try recordOverride(hits, policy: policy, dossierId: id, at: now, in: db)
        for person in people {
            let sealed = sealing.seal(name: person.name, id: person.id, householdBook: person.book,
                                      permanentAddress: person.sub?.permanentAddress)
            try insertMember(sealed, sub: person.sub, dossierId: id, joinedAt: now, today: today,
                             overrideId: overrideId, in: db)
        }
        try counter.recount(dossierId: id, reason: .subHouseholdRegistered, at: now, today: today, announce: false, in: db)
        return .registered(try self.dossier(id: id, in: db)!)
    }

    /// Counts the households a customer's approved request adds to a shared meter: added to the
    /// meter's active dossier, or to one opened with the holder as main household when none is
    /// active, then recounted once, the change carrying `requestCode`. crm screened the ID
    /// numbers and staff decided before approving, so duplicates are left to the duplicate report.
    /// - Returns: the dossier's id.
    func addRequestedHouseholds(_ dossier: NewDossier, requestCode: String, by staffId: String, at now: Date,
                                today: CalendarDay, cause: Envelope, in db: Database) throws -> String {
        let id: String
        if let active = try activeDossierId(customerCode: dossier.customerCode, in: db) {
            id = active
        } else {
            id = try insertDossier(dossier, by: staffId, at: now, in: db)
            let holder = sealing.seal(name: dossier.holder.name, id: dossier.holder.id,
                                      householdBook: dossier.holder.householdBook, permanentAddress: nil)
            try insertMember(holder, sub: nil, dossierId: id, joinedAt: now, today: today, overrideId: nil, in: db)
        }
        for sub in dossier.subHouseholds {
            let sealed = sealing.seal(name: sub.name, id: sub.id, householdBook: sub.householdBook,
                                      permanentAddress: sub.permanentAddress)
            try insertMember(sealed, sub: sub, dossierId: id, joinedAt: now, today: today, overrideId: nil, in: db)
        }
        try counter.recount(dossierId: id, reason: .subHouseholdRegistered, at: now, today: today, cause: cause,
                            requestCode: requestCode, in: db)
        return id
    }

    /// Whether a customer's request already moved a count.
    func hasRequest(_ requestCode: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM households_count_changes WHERE request_code = ?)",
                          arguments: [requestCode]) ?? false
    }

    /// Adds a sub-household to an active dossier.
    func addSubHousehold(_ sub: SubHousehold, to dossierId: String, at now: Date, today: CalendarDay,
                         duplicates policy: DuplicatePolicy, in db: Database) throws -> MemberChange {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM households_dossiers WHERE dossier_id = ?",
                                               arguments: [dossierId]) else { return .notFound }
        guard status == DossierStatus.active.rawValue else { return .notCurrent }
        let hits = try duplicates.hits(idFingerprints: sealing.idFingerprints(sub.id),
                                       bookFingerprints: sub.householdBook.map(sealing.bookFingerprints) ?? [], in: db)
        if let conflict = refusal(hits, policy: policy) { return .duplicates(conflict) }
        let overrideId = try recordOverride(hits, policy: policy, dossierId: dossierId, at: now, in: db)
        let sealed = sealing.seal(name: sub.name, id: sub.id, householdBook: sub.householdBook,
                                  permanentAddress: sub.permanentAddress)
        let memberId = try insertMember(sealed, sub: sub, dossierId: dossierId, joinedAt: now, today: today,
                                        overrideId: overrideId, in: db)
        try counter.recount(dossierId: dossierId, reason: .subHouseholdRegistered, at: now, today: today, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Replaces a current sub-household's details (a renewed confirmation, a corrected name,
    /// tenants who came or went); the ID number and household book are checked again.
    func updateSubHousehold(memberId: Int64, with sub: SubHousehold, at now: Date, today: CalendarDay,
                            duplicates policy: DuplicatePolicy, in db: Database) throws -> MemberChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        let hits = try duplicates.hits(idFingerprints: sealing.idFingerprints(sub.id),
                                       bookFingerprints: sub.householdBook.map(sealing.bookFingerprints) ?? [], in: db)
            .filter { $0.memberId != memberId }
        if let conflict = refusal(hits, policy: policy) { return .duplicates(conflict) }
        let overrideId = try recordOverride(hits, policy: policy, dossierId: dossierId, at: now, in: db)
        let sealed = sealing.seal(name: sub.name, id: sub.id, householdBook: sub.householdBook,
                                  permanentAddress: sub.permanentAddress)
        try db.execute(sql: """
            UPDATE households_members SET name_sealed = ?, id_sealed = ?, id_fingerprint = ?, id_masked = ?, id_legacy = ?,
                details_sealed = ?, book_fingerprint = ?, book_masked = ?, confirmation_issuer = ?, confirmation_number = ?,
                confirmation_issued_on = ?, confirmation_valid_until = ?, persons = ?,
                override_id = COALESCE(?, override_id)
            WHERE member_id = ?
            """, arguments: [sealed.name, sealed.id, sealed.idFingerprint, sealed.idMasked, sealed.idLegacy, sealed.details,
                             sealed.bookFingerprint, sealed.bookMasked, sub.confirmation?.issuer, sub.confirmation?.number,
                             sub.confirmation?.issuedOn.description, sub.confirmation?.validUntil?.description,
                             sub.persons, overrideId, memberId])
        try counter.recount(dossierId: dossierId, reason: .subHouseholdUpdated, at: now, today: today, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Ends a current sub-household: it no longer shares the meter (moved away, tenants left).
    func endSubHousehold(memberId: Int64, at now: Date, today: CalendarDay, in db: Database) throws -> MemberChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        try leave(memberId: memberId, reason: "ended", at: now, in: db)
        try counter.recount(dossierId: dossierId, reason: .subHouseholdEnded, at: now, today: today, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Marks a current sub-household split off onto its own meter and customer code.
    func recordSplit(memberId: Int64, newCustomerCode: String, meterSerial: String, at now: Date, today: CalendarDay,
                     cause: Envelope?, in db: Database) throws -> MemberChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        try leave(memberId: memberId, reason: "split", at: now, in: db)
        try db.execute(sql: """
            UPDATE households_members SET split_customer_code = ?, split_meter_serial = ?, wants_split = 0 WHERE member_id = ?
            """, arguments: [newCustomerCode, meterSerial, memberId])
        try counter.recount(dossierId: dossierId, reason: .subHouseholdSplit, at: now, today: today, cause: cause, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Records why a current sub-household has not split, and whether it wants to.
    func recordSplitStatus(memberId: Int64, _ status: SplitStatusView, at now: Date, in db: Database) throws -> MemberChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        try db.execute(sql: """
            UPDATE households_members SET not_split_reason = ?, not_split_note = ?, wants_split = ?, split_status_at = ?
            WHERE member_id = ?
            """, arguments: [status.notSplitReason?.rawValue, status.note, status.wantsSplit, now.timeIntervalSince1970, memberId])
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Whether a dossier was already registered from this contract.
    func hasDossier(contractNumber: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM households_dossiers WHERE contract_number = ?)",
                          arguments: [contractNumber])!
    }

    /// The active dossier of a shared meter, if any.
    func activeDossierId(customerCode: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(
            sql: "SELECT dossier_id FROM households_dossiers WHERE customer_code = ? AND status = 'active'"),
                            arguments: [customerCode])
    }

    /// Whether a current household of the dossier has this ID number already, under any of its fingerprints.
    func holds(idFingerprints: [String], dossierId: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM households_members
                WHERE id_fingerprint IN (\(databaseQuestionMarks(count: idFingerprints.count))) AND dossier_id = ? AND left_at IS NULL)
            """), arguments: StatementArguments(idFingerprints + [dossierId]))!
    }

    /// The dossier a household belongs to.
    func dossierId(ofMember memberId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT dossier_id FROM households_members WHERE member_id = ?", arguments: [memberId])
    }

    /// The unit keeping a dossier, for access checks.
    func unit(ofDossier dossierId: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT unit FROM households_dossiers WHERE dossier_id = ?", arguments: [dossierId])
    }

    /// The unit keeping the dossier a household belongs to, for access checks.
    func unit(ofMember memberId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT d.unit FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.member_id = ?
            """, arguments: [memberId])
    }

    /// The dossier with its members, names and addresses opened, ID numbers and books masked.
    func dossier(id: String, in db: Database) throws -> DossierView? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM households_dossiers WHERE dossier_id = ?", arguments: [id])
        else { return nil }
        let members = try Row.fetchAll(db, sql: """
            SELECT * FROM households_members WHERE dossier_id = ? ORDER BY role = 'sub', member_id
            """, arguments: [id]).map(view(of:))
        return DossierView(
            dossierId: row["dossier_id"], unit: row["unit"], customerCode: row["customer_code"],
            meterSerial: row["meter_serial"], contractNumber: row["contract_number"],
            origin: DossierOrigin(rawValue: row["origin"]) ?? .records,
            status: DossierStatus(rawValue: row["status"]) ?? .active,
            openedAt: Date(timeIntervalSince1970: row["opened_at"]),
            closedAt: (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            maskedContactPhone: row["contact_phone_masked"],
            allowance: HouseholdQuarters(quarters: row["effective_quarters"]).shown, members: members)
    }

    /// Closes an active dossier: its households stop counting and leave the duplicate check.
    func close(id: String, by staffId: String, at now: Date, today: CalendarDay, in db: Database) throws -> Closure {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM households_dossiers WHERE dossier_id = ?",
                                               arguments: [id]) else { return .notFound }
        guard status == DossierStatus.active.rawValue else { return .alreadyClosed }
        let at = now.wholeSeconds.timeIntervalSince1970
        try db.execute(sql: "UPDATE households_dossiers SET status = ?, closed_at = ?, closed_by = ? WHERE dossier_id = ?",
                       arguments: [DossierStatus.closed.rawValue, at, staffId, id])
        try db.execute(sql: """
            UPDATE households_members SET left_at = ?, left_reason = 'dossier_closed' WHERE dossier_id = ? AND left_at IS NULL
            """, arguments: [at, id])
        try counter.recount(dossierId: id, reason: .dossierClosed, at: now, today: today, in: db)
        return .closed(try dossier(id: id, in: db)!)
    }

    /// Inserts a dossier's own row; its members follow through ``insertMember(_:sub:dossierId:joinedAt:today:overrideId:in:)``.
    func insertDossier(_ dossier: NewDossier, by staffId: String, at now: Date, in db: Database) throws -> String {
        let sequence = try Int.fetchOne(db.cachedStatement(
            sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM households_dossiers WHERE unit = ?"), arguments: [dossier.unit])!
        let digits = String(sequence)
        let id = "HS-\(dossier.unit)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
        let openedAt = now.wholeSeconds.timeIntervalSince1970
        try db.cachedStatement(sql: """
            INSERT INTO households_dossiers (dossier_id, unit, sequence, customer_code, meter_serial, contract_number,
                request_code, origin, status, opened_at, opened_by, contact_phone_sealed, contact_phone_masked,
                effective_quarters, quarters_since)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, 4, ?)
            """).execute(arguments: [
                id, dossier.unit, sequence, dossier.customerCode, dossier.meterSerial, dossier.contractNumber,
                dossier.requestCode, dossier.origin.rawValue, openedAt, staffId,
                dossier.contactPhone.map { sealing.personalData.seal($0.e164) }, dossier.contactPhone?.masked, openedAt,
            ])
        return id
    }

    /// Inserts one household head; `sub` is `nil` for the main household.
    @discardableResult
    func insertMember(_ sealed: MemberSealing.Sealed, sub: SubHousehold?, dossierId: String, joinedAt now: Date,
                      today: CalendarDay, overrideId: Int64?, in db: Database) throws -> Int64 {
        let counting = sub.map { $0.share.quarters(on: today) > 0 } ?? true
        try db.cachedStatement(sql: """
            INSERT INTO households_members (dossier_id, role, name_sealed, id_sealed, id_fingerprint, id_masked, id_legacy,
                joined_at, details_sealed, book_fingerprint, book_masked, confirmation_issuer, confirmation_number,
                confirmation_issued_on, confirmation_valid_until, persons, counting, override_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                dossierId, sub == nil ? MemberRole.main.rawValue : MemberRole.sub.rawValue, sealed.name, sealed.id,
                sealed.idFingerprint, sealed.idMasked, sealed.idLegacy, now.wholeSeconds.timeIntervalSince1970,
                sealed.details, sealed.bookFingerprint, sealed.bookMasked, sub?.confirmation?.issuer,
                sub?.confirmation?.number, sub?.confirmation?.issuedOn.description,
                sub?.confirmation?.validUntil?.description, sub?.persons, counting, overrideId,
            ])
        return db.lastInsertedRowID
    }

    /// The conflict that refuses a registration under `policy`, if any.
    private func refusal(_ hits: [DuplicateIndex.Hit], policy: DuplicatePolicy) -> DuplicateConflict? {
        guard case .refuse = policy else { return nil }
        return DuplicateIndex.conflict(hits)
    }

    /// Records a supervisor's override of `hits`, returning its id; `nil` when nothing was overridden.
    private func recordOverride(_ hits: [DuplicateIndex.Hit], policy: DuplicatePolicy, dossierId: String, at now: Date,
                                in db: Database) throws -> Int64? {
        guard case .override(let staffId, let reason) = policy, let conflict = DuplicateIndex.conflict(hits) else {
            return nil
        }
        let conflicts = String(decoding: try JSONEncoder().encode(conflict.conflicts), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO households_overrides (dossier_id, granted_by, granted_at, reason, conflicts) VALUES (?, ?, ?, ?, ?)
            """, arguments: [dossierId, staffId, now.timeIntervalSince1970, reason, conflicts])
        return db.lastInsertedRowID
    }

    /// The dossier of a sub-household that shares the meter now, in an active dossier.
    private func currentSubHousehold(_ memberId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT m.dossier_id FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.member_id = ? AND m.role = 'sub' AND m.left_at IS NULL AND d.status = 'active'
            """, arguments: [memberId])
    }

    private func missing(_ memberId: Int64, in db: Database) throws -> MemberChange {
        try unit(ofMember: memberId, in: db) == nil ? .notFound : .notCurrent
    }

    private func leave(memberId: Int64, reason: String, at now: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE households_members SET left_at = ?, left_reason = ? WHERE member_id = ?",
                       arguments: [now.wholeSeconds.timeIntervalSince1970, reason, memberId])
    }

    private func changed(memberId: Int64, dossierId: String, in db: Database) throws -> MemberChange {
        let dossier = try self.dossier(id: dossierId, in: db)!
        let reference = SubHouseholdReference(memberId: memberId).description
        return .changed(dossier, dossier.members.first { $0.subHouseholdId == reference }!)
    }

    private func view(of row: Row) throws -> SubHouseholdView {
        let details = try sealing.openDetails(row["details_sealed"])
        let issuedOn: String? = row["confirmation_issued_on"]
        let status: MemberStatus = switch row["left_reason"] as String? {
        case nil: .active
        case "split": .split
        default: .ended
        }
        let notSplit = (row["not_split_reason"] as String?).flatMap(NotSplitReason.init(rawValue:))
        let note: String? = row["not_split_note"]
        let wantsSplit: Bool = row["wants_split"]
        return SubHouseholdView(
            subHouseholdId: SubHouseholdReference(memberId: row["member_id"]).description,
            role: MemberRole(rawValue: row["role"]) ?? .sub,
            fullName: try sealing.personalData.open(row["name_sealed"]), maskedIdNumber: row["id_masked"],
            legacyIdNumber: row["id_legacy"], maskedHouseholdBook: row["book_masked"],
            permanentAddress: details?.permanentAddress,
            residenceConfirmation: issuedOn.map { issuedOn in
                ResidenceConfirmationForm(issuer: row["confirmation_issuer"], number: row["confirmation_number"],
                                          issuedOn: issuedOn, validUntil: row["confirmation_valid_until"])
            },
            persons: row["persons"], counting: row["counting"], status: status,
            joinedAt: Date(timeIntervalSince1970: row["joined_at"]),
            leftAt: (row["left_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            splitCustomerCode: row["split_customer_code"],
            splitStatus: notSplit == nil && note == nil && !wantsSplit ? nil
                : SplitStatusView(notSplitReason: notSplit, note: note, wantsSplit: wantsSplit))
    }
}
