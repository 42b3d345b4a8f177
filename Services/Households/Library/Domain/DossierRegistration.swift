/// How registering a dossier in the registry ended.
enum DossierRegistration: Sendable {
    case registered(DossierView)
    /// The customer code already has an active dossier.
    case customerCodeActive
    case duplicates(DuplicateConflict)
}
