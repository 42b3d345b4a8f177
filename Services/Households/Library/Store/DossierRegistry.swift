import Foundation
import GRDB
import PersonalData

/// The corporation's dossiers (`households_dossiers`, `households_members`): registers,
/// shows, closes, and finds ID numbers in active ones.
///
/// Every name and ID number is sealed before it is written; an ID number is looked up by its
/// keyed fingerprint, so the store never holds one in plain text.
struct DossierRegistry: Sendable {
    /// How a registration ended.
    enum Registration: Sendable {
        case registered(DossierView)
        /// The customer code already has an active dossier.
        case customerCodeActive
    }

    /// How a closure ended.
    enum Closure: Sendable {
        case closed(DossierView)
        case alreadyClosed
        case notFound
    }

    let personalData: PersonalDataProtector

    /// Registers `dossier`, numbered `HS-<unit>-<NNNNNN>` within its unit.
    func register(_ dossier: NewDossier, by staffId: String, at now: Date, in db: Database) throws -> Registration {
        guard try !Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM households_dossiers WHERE customer_code = ? AND status = 'active')
            """, arguments: [dossier.customerCode])! else { return .customerCodeActive }
        let sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM households_dossiers WHERE unit = ?",
                                        arguments: [dossier.unit])!
        let id = "HS-\(dossier.unit)-\(String(format: "%06d", sequence))"
        let openedAt = now.timeIntervalSince1970.rounded(.down)
        try db.execute(sql: """
            INSERT INTO households_dossiers (dossier_id, unit, sequence, customer_code, meter_serial, contract_number,
                request_code, origin, status, opened_at, opened_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, dossier.unit, sequence, dossier.customerCode, dossier.meterSerial, dossier.contractNumber,
                             dossier.requestCode, dossier.origin.rawValue, DossierStatus.active.rawValue, openedAt, staffId])
        for member in dossier.members {
            try db.execute(sql: """
                INSERT INTO households_members (dossier_id, role, name_sealed, id_sealed, id_fingerprint, id_masked,
                    id_legacy, joined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, member.role.rawValue, personalData.seal(member.name.value),
                                 personalData.seal(member.id.unmaskedDigits), fingerprint(of: member.id.unmaskedDigits),
                                 member.id.masked, member.id.isLegacy, openedAt])
        }
        return .registered(try self.dossier(id: id, in: db)!)
    }

    /// Whether a dossier was already registered from this contract.
    func hasDossier(contractNumber: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM households_dossiers WHERE contract_number = ?)",
                          arguments: [contractNumber])!
    }

    /// The dossier with its members, names opened and ID numbers masked.
    func dossier(id: String, in db: Database) throws -> DossierView? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM households_dossiers WHERE dossier_id = ?", arguments: [id])
        else { return nil }
        let members = try Row.fetchAll(db, sql: """
            SELECT role, name_sealed, id_masked FROM households_members WHERE dossier_id = ? AND left_at IS NULL
            ORDER BY role = 'sub', member_id
            """, arguments: [id]).map { member in
                DossierView.Member(role: MemberRole(rawValue: member["role"]) ?? .sub,
                                   fullName: try personalData.open(member["name_sealed"]),
                                   maskedIdNumber: member["id_masked"])
            }
        return DossierView(
            dossierId: row["dossier_id"], unit: row["unit"], customerCode: row["customer_code"],
            meterSerial: row["meter_serial"], contractNumber: row["contract_number"],
            origin: DossierOrigin(rawValue: row["origin"]) ?? .records,
            status: DossierStatus(rawValue: row["status"]) ?? .active,
            openedAt: Date(timeIntervalSince1970: row["opened_at"]),
            closedAt: (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:)), members: members)
    }

    /// Closes an active dossier: its households stop counting for screening.
    func close(id: String, by staffId: String, at now: Date, in db: Database) throws -> Closure {
        guard let dossier = try dossier(id: id, in: db) else { return .notFound }
        guard dossier.status == .active else { return .alreadyClosed }
        try db.execute(sql: "UPDATE households_dossiers SET status = ?, closed_at = ?, closed_by = ? WHERE dossier_id = ?",
                       arguments: [DossierStatus.closed.rawValue, now.timeIntervalSince1970.rounded(.down), staffId, id])
        return .closed(try self.dossier(id: id, in: db)!)
    }

    /// The active dossiers, in every unit, whose current members hold one of `fingerprints`.
    func activeMatches(fingerprints: [String], in db: Database) throws -> [ScreeningMatch] {
        guard !fingerprints.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT m.id_fingerprint, d.unit, d.customer_code
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE d.status = 'active' AND m.left_at IS NULL AND m.id_fingerprint IN (\(databaseQuestionMarks(count: fingerprints.count)))
            ORDER BY d.unit, d.customer_code
            """, arguments: StatementArguments(fingerprints)).map {
                ScreeningMatch(fingerprint: $0["id_fingerprint"], unit: $0["unit"], customerCode: $0["customer_code"])
            }
    }

    /// The look-up key of an ID number's digits.
    func fingerprint(of idDigits: String) -> String {
        personalData.fingerprint(idDigits)
    }
}
