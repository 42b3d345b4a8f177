/// How opening a dossier typed in by unit staff ended, when it was not refused.
enum DossierOpening: Sendable {
    case registered(DossierView)
    /// Held back: a household is in another active dossier.
    case duplicates(DuplicateConflict)
}
