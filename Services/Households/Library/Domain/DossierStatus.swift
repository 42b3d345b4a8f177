/// Whether a dossier still counts.
public enum DossierStatus: String, Codable, Sendable {
    /// The households share the meter now: their ID numbers are screened against.
    case active
    /// The sharing ended (split, contract ended, moved away): kept for the record, no longer screened.
    case closed
}
