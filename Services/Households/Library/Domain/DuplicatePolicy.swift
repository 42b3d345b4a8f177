/// What to do when a household is already in another active dossier.
enum DuplicatePolicy: Sendable {
    /// Refuse: the operator API's default.
    case refuse
    /// Register anyway, recording who allowed it and why.
    case override(staffId: String, reason: String)
    /// Register and leave it to the duplicate report: contracts (staff already decided on
    /// the screening) and bulk imports of existing dossiers.
    case allow
}
