import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// Changes to one household of a dossier: added, its details replaced, ended, split off onto
/// its own meter, its split status recorded. Each answers with the dossier and the household
/// as they are after the change.
extension DossierRegistry {
    /// Adds a sub-household to an active dossier.
    func addSubHousehold(_ sub: SubHousehold, to dossierId: String, at now: Date, today: CalendarDay,
                         duplicates policy: DuplicatePolicy, in db: Database) throws -> HouseholdChange {
        guard let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM households_dossiers WHERE dossier_id = ?"),
                                               arguments: [dossierId]) else { return .notFound }
        guard status == DossierStatus.active.rawValue else { return .notCurrent }
        let hits = try gate.hits(ids: [sub.id], books: sub.householdBook.map { [$0] } ?? [], in: db)
        if let conflict = gate.refusal(hits, policy: policy) { return .duplicates(conflict) }
        let overrideId = try gate.recordOverride(hits, policy: policy, dossierId: dossierId, at: now, in: db)
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
                            duplicates policy: DuplicatePolicy, in db: Database) throws -> HouseholdChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        let hits = try gate.hits(ids: [sub.id], books: sub.householdBook.map { [$0] } ?? [], in: db)
            .filter { $0.memberId != memberId }
        if let conflict = gate.refusal(hits, policy: policy) { return .duplicates(conflict) }
        let overrideId = try gate.recordOverride(hits, policy: policy, dossierId: dossierId, at: now, in: db)
        let sealed = sealing.seal(name: sub.name, id: sub.id, householdBook: sub.householdBook,
                                  permanentAddress: sub.permanentAddress)
        let replaced = MemberRecord(sealed, sub: sub, dossierId: dossierId, joinedAt: 0, counting: true, overrideId: overrideId)
        let columns = Self.replacedColumns + (overrideId == nil ? [] : [.overrideId])
        try MemberRecord.filter(key: memberId).updateAll(db, columns.map { Column($0.rawValue).set(to: replaced[$0]) })
        try counter.recount(dossierId: dossierId, reason: .subHouseholdUpdated, at: now, today: today, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// The columns an update replaces: the household's personal data and confirmation; it keeps
    /// its dossier, place, joining day and counting until the recount, and its override unless a new one let it in.
    private static let replacedColumns: [MemberRecord.CodingKeys] = [
        .nameSealed, .idSealed, .idFingerprint, .idMasked, .idLegacy, .detailsSealed, .bookFingerprint, .bookMasked,
        .confirmationIssuer, .confirmationNumber, .confirmationIssuedOn, .confirmationValidUntil, .persons,
    ]

    /// Ends a current sub-household: it no longer shares the meter (moved away, tenants left).
    func endSubHousehold(memberId: Int64, at now: Date, today: CalendarDay, in db: Database) throws -> HouseholdChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        try leave(memberId: memberId, reason: "ended", at: now, in: db)
        try counter.recount(dossierId: dossierId, reason: .subHouseholdEnded, at: now, today: today, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Marks a current sub-household split off onto its own meter and customer code.
    func recordSplit(memberId: Int64, newCustomerCode: String, meterSerial: String, at now: Date, today: CalendarDay,
                     cause: Envelope?, in db: Database) throws -> HouseholdChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        try leave(memberId: memberId, reason: "split", at: now, in: db)
        try db.cachedStatement(sql: """
            UPDATE households_members SET split_customer_code = ?, split_meter_serial = ?, wants_split = 0 WHERE member_id = ?
            """).execute(arguments: [newCustomerCode, meterSerial, memberId])
        try counter.recount(dossierId: dossierId, reason: .subHouseholdSplit, at: now, today: today, cause: cause, in: db)
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// Records why a current sub-household has not split, and whether it wants to.
    func recordSplitStatus(memberId: Int64, _ status: SplitStatusView, at now: Date, in db: Database) throws -> HouseholdChange {
        guard let dossierId = try currentSubHousehold(memberId, in: db) else { return try missing(memberId, in: db) }
        try db.cachedStatement(sql: """
            UPDATE households_members SET not_split_reason = ?, not_split_note = ?, wants_split = ?, split_status_at = ?
            WHERE member_id = ?
            """).execute(arguments: [status.notSplitReason?.rawValue, status.note, status.wantsSplit, now.timeIntervalSince1970, memberId])
        return try changed(memberId: memberId, dossierId: dossierId, in: db)
    }

    /// The dossier of a sub-household that shares the meter now, in an active dossier.
    func currentSubHousehold(_ memberId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT m.dossier_id FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.member_id = ? AND m.role = 'sub' AND m.left_at IS NULL AND d.status = 'active'
            """), arguments: [memberId])
    }

    private func missing(_ memberId: Int64, in db: Database) throws -> HouseholdChange {
        try unit(ofMember: memberId, in: db) == nil ? .notFound : .notCurrent
    }

    func leave(memberId: Int64, reason: String, at now: Date, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE households_members SET left_at = ?, left_reason = ? WHERE member_id = ?")
            .execute(arguments: [now.wholeSeconds.timeIntervalSince1970, reason, memberId])
    }

    private func changed(memberId: Int64, dossierId: String, in db: Database) throws -> HouseholdChange {
        let dossier = try self.dossier(id: dossierId, in: db)!
        let reference = SubHouseholdReference(memberId: memberId).description
        return .changed(dossier, dossier.members.first { $0.subHouseholdId == reference }!)
    }
}
