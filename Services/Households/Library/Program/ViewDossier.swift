import GRDB
import ServiceKit
import StaffAuth

/// A dossier with its households, for staff who may see its unit.
struct ViewDossier: Sendable {
    let store: ServiceStore
    let registry: DossierRegistry

    /// The dossier `id`.
    func callAsFunction(id: String, by claims: StaffClaims) async throws -> DossierView {
        let registry = registry
        return try await store.database.read { db in
            guard let view = try registry.dossier(id: id, in: db) else { throw HouseholdsRefusal.dossierNotFound }
            try UnitAccess.require(unit: view.unit, claims)
            return view
        }
    }

    /// The active dossier of a shared meter.
    func callAsFunction(customerCode: String, by claims: StaffClaims) async throws -> DossierView {
        let registry = registry
        return try await store.database.read { db in
            guard let id = try registry.activeDossierId(customerCode: customerCode.uppercased(), in: db),
                  let view = try registry.dossier(id: id, in: db)
            else { throw HouseholdsRefusal.dossierNotFound }
            try UnitAccess.require(unit: view.unit, claims)
            return view
        }
    }
}
