import GRDB
import StaffAuth

/// Whether a staff member may act on a dossier or one of its households: a unit's staff on
/// their own unit's, corporation staff on every unit's. Read in the transaction that acts, so
/// the unit checked is the unit of the record changed.
struct UnitAccess: Sendable {
    let registry: DossierRegistry

    /// Refuses a dossier that does not exist, or that `claims` may not act on.
    func require(dossierId: String, _ claims: StaffClaims, in db: Database) throws {
        guard let unit = try registry.unit(ofDossier: dossierId, in: db) else { throw HouseholdsRefusal.dossierNotFound }
        try Self.require(unit: unit, claims)
    }

    /// Refuses a household that does not exist, or whose dossier `claims` may not act on.
    func require(_ reference: SubHouseholdReference, _ claims: StaffClaims, in db: Database) throws {
        guard let unit = try registry.unit(ofMember: reference.memberId, in: db) else {
            throw HouseholdsRefusal.subHouseholdNotFound
        }
        try Self.require(unit: unit, claims)
    }

    /// Refuses a record of `unit` to staff who may not see it.
    static func require(unit: String, _ claims: StaffClaims) throws(HouseholdsRefusal) {
        guard claims.mayAccess(unit: unit) else { throw .otherUnit }
    }
}
