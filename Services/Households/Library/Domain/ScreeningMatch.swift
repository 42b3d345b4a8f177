/// An active dossier holding a screened ID number.
struct ScreeningMatch: Sendable, Hashable {
    var fingerprint: String
    var unit: String
    var customerCode: String
}
