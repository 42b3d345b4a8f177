/// Why a registration was refused: the household is already in another active dossier.
///
/// A supervisor may register it anyway, giving a reason (`override.reason`), which is kept.
public struct DuplicateConflict: Error, Codable, Sendable {
    public var conflicts: [DuplicateCase]
}
