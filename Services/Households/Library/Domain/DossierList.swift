/// A unit's dossiers (every unit's for corporation staff), in dossier order, narrowed by a search.
struct DossierList: Sendable, Codable {
    var unit: String?
    /// What the list was narrowed by: a customer code's start or part of the holder's name.
    var query: String?
    var dossiers: [DossierSummary]
    /// When the list was asked for a page and more dossiers follow: the `after` of the next page.
    var next: String?
}
