/// How a change to one household of a dossier ended.
enum HouseholdChange: Sendable {
    case changed(DossierView, SubHouseholdView)
    case duplicates(DuplicateConflict)
    case notFound
    /// The household or its dossier no longer shares the meter.
    case notCurrent
}
