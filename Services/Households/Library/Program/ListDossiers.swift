import ServiceKit

/// The dossiers of a unit, searched by customer code or holder's name, a page at a time.
struct ListDossiers: Sendable {
    let store: ServiceStore
    let catalogue: DossierCatalogue

    /// The dossiers of `unit` (every unit's when `nil`) that `search` asks for; with a `page`,
    /// only its dossiers, and where the next page starts when one follows.
    func callAsFunction(unit: String?, search: DossierSearch?, page: ListPage?) async throws -> DossierList {
        let catalogue = catalogue
        return try await store.database.read { db in try catalogue.list(unit: unit, search: search, page: page, in: db) }
    }
}
