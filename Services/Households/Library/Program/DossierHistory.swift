import ServiceKit
import StaffAuth

/// How a dossier's count changed, for staff who may see its unit.
struct DossierHistory: Sendable {
    let store: ServiceStore
    let access: UnitAccess
    let catalogue: DossierCatalogue

    /// The dossier's count changes, latest first.
    func callAsFunction(dossierId: String, by claims: StaffClaims) async throws -> [CountChange] {
        let access = access
        let catalogue = catalogue
        return try await store.database.read { db in
            try access.require(dossierId: dossierId, claims, in: db)
            return try catalogue.history(dossierId: dossierId, in: db)
        }
    }
}
