/// A person's place in a dossier.
public enum MemberRole: String, Codable, Sendable {
    /// The main household: the contract holder, whose meter the others share.
    case main
    /// A sub-household sharing the main household's meter.
    case sub
}
