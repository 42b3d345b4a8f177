import Foundation

/// The re-pricing list of a branch (or of the corporation): every customer whose billed
/// household count differs from the count the program supports, by branch and customer code.
public struct RepricingList: Sendable, Codable {
    public var generatedAt: Date
    /// The unit the list is for; `nil` for the whole corporation.
    public var unit: String?
    public var entries: [RepricingEntry]
    /// When the list was asked for a page and more entries follow: the `after` of the next page.
    public var next: String?
}
