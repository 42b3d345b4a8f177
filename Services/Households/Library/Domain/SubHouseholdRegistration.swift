/// How registering one sub-household ended.
public enum SubHouseholdRegistration: Sendable {
    case registered(SubHouseholdView)
    /// Refused: the ID number or household book is in another active dossier.
    case duplicates(DuplicateConflict)
}
