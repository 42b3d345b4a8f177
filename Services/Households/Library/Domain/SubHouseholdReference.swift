/// A household's reference as staff and other services see it: `SH-<n>`.
///
/// The number is the store's member id; the prefix keeps it from being mistaken for a
/// customer code or a dossier id where all three appear side by side.
struct SubHouseholdReference: Sendable, Hashable, CustomStringConvertible {
    let memberId: Int64

    init(memberId: Int64) {
        self.memberId = memberId
    }

    /// Reads `SH-<n>`; `nil` for anything else.
    init?(_ text: String) {
        guard text.hasPrefix("SH-"), let id = Int64(text.dropFirst(3)), id > 0 else { return nil }
        memberId = id
    }

    var description: String { "SH-\(memberId)" }
}
