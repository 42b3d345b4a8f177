/// Where a household of a dossier stands.
public enum MemberStatus: String, Codable, Sendable {
    /// It shares the meter now.
    case active
    /// It no longer shares the meter (moved away, dossier corrected, dossier closed).
    case ended
    /// It has its own meter and customer code now.
    case split
}
