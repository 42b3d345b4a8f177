import Foundation

/// Every ID number and household book held in more than one active dossier of the
/// corporation, as one unit's staff (or the corporation's) may see it.
public struct DuplicateReport: Codable, Sendable {
    public var generatedAt: Date
    /// The unit the report is for; `nil` for the whole corporation.
    public var unit: String?
    public var cases: [DuplicateCase]
    /// When the report was asked for a page and more cases follow: the `after` of the next page.
    public var next: String?
}
