import Contracts
import Foundation
import GRDB
import Messaging
import VietnameseIdentity
import WorkingCalendar

/// The corporation's dossiers (`households_dossiers`, `households_members`): opens and closes
/// dossiers and adds their households, keeping each dossier's count through ``HouseholdCounter``.
/// Changes to one household are in `DossierRegistry+Households.swift`, look-ups in
/// `DossierRegistry+Lookups.swift`, the dossier as staff see it in `DossierRegistry+Views.swift`.
///
/// Every change runs in the caller's transaction, the corporation-wide duplicate check
/// (``DuplicateGate``) included, so two counters registering the same person at once cannot
/// both pass it.
struct DossierRegistry: Sendable {
    let sealing: MemberSealing
    let gate: DuplicateGate
    let counter: HouseholdCounter

    init(sealing: MemberSealing, duplicates: DuplicateIndex, counter: HouseholdCounter) {
        self.sealing = sealing
        gate = DuplicateGate(sealing: sealing, index: duplicates)
        self.counter = counter
    }

    /// Registers `dossier`, numbered `HS-<unit>-<NNNNNN>` within its unit.
    func register(_ dossier: NewDossier, by staffId: String, at now: Date, today: CalendarDay,
                  duplicates policy: DuplicatePolicy, in db: Database) throws -> DossierRegistration {
        guard try activeDossierId(customerCode: dossier.customerCode, in: db) == nil else { return .customerCodeActive }
        let people: [(name: PersonName, id: CitizenID, book: String?, sub: SubHousehold?)] =
            [(dossier.holder.name, dossier.holder.id, dossier.holder.householdBook, nil)]
            + dossier.subHouseholds.map { ($0.name, $0.id, $0.householdBook, $0) }
        let hits = try gate.hits(ids: people.map(\.id), books: people.compactMap(\.book), in: db)
        if let conflict = gate.refusal(hits, policy: policy) { return .duplicates(conflict) }
        let id = try insertDossier(dossier, by: staffId, at: now, in: db)
        let overrideId = try gate.recordOverride(hits, policy: policy, dossierId: id, at: now, in: db)
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
    /// `leaving` (current sub-households of the active dossier, ``leavingHouseholds(_:customerCode:in:)``)
    /// end in the same recount.
    /// - Returns: the dossier's id.
    func addRequestedHouseholds(_ dossier: NewDossier, ending leaving: [Int64] = [], requestCode: String, by staffId: String,
                                at now: Date, today: CalendarDay, cause: Envelope, in db: Database) throws -> String {
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
        for memberId in leaving {
            try leave(memberId: memberId, reason: "ended", at: now, in: db)
        }
        try counter.recount(dossierId: id, reason: .subHouseholdRegistered, at: now, today: today, cause: cause,
                            requestCode: requestCode, in: db)
        return id
    }

    /// Closes an active dossier: its households stop counting and leave the duplicate check.
    func close(id: String, by staffId: String, at now: Date, today: CalendarDay, in db: Database) throws -> DossierClosure {
        guard let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM households_dossiers WHERE dossier_id = ?"),
                                               arguments: [id]) else { return .notFound }
        guard status == DossierStatus.active.rawValue else { return .alreadyClosed }
        let at = now.wholeSeconds.timeIntervalSince1970
        try db.cachedStatement(sql: "UPDATE households_dossiers SET status = ?, closed_at = ?, closed_by = ? WHERE dossier_id = ?")
            .execute(arguments: [DossierStatus.closed.rawValue, at, staffId, id])
        try db.cachedStatement(sql: """
            UPDATE households_members SET left_at = ?, left_reason = 'dossier_closed' WHERE dossier_id = ? AND left_at IS NULL
            """).execute(arguments: [at, id])
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
        try DossierRecord(
            dossierId: id, unit: dossier.unit, sequence: sequence, customerCode: dossier.customerCode,
            meterSerial: dossier.meterSerial, contractNumber: dossier.contractNumber, requestCode: dossier.requestCode,
            origin: dossier.origin.rawValue, status: DossierStatus.active.rawValue, openedAt: openedAt, openedBy: staffId,
            contactPhoneSealed: dossier.contactPhone.map { sealing.personalData.seal($0.e164) },
            contactPhoneMasked: dossier.contactPhone?.masked, effectiveQuarters: 4, quartersSince: openedAt
        ).insertRow(into: db)
        return id
    }

    /// Inserts one household head; `sub` is `nil` for the main household.
    @discardableResult
    func insertMember(_ sealed: MemberSealing.Sealed, sub: SubHousehold?, dossierId: String, joinedAt now: Date,
                      today: CalendarDay, overrideId: Int64?, in db: Database) throws -> Int64 {
        try MemberRecord(sealed, sub: sub, dossierId: dossierId, joinedAt: now.wholeSeconds.timeIntervalSince1970,
                         counting: sub.map { $0.share.quarters(on: today) > 0 } ?? true, overrideId: overrideId)
            .insertRow(into: db)
        return db.lastInsertedRowID
    }
}
