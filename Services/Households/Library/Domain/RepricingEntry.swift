import Contracts
import Foundation

/// A customer billed with another household count than the program supports: the branch must
/// re-price the contract (raise or lower every tier bound of the bill).
public struct RepricingEntry: Sendable, Codable, Equatable {
    public var customerCode: String
    public var name: String
    public var address: String
    public var branch: String
    /// The customer's active dossier, when it has one.
    public var dossierId: String?
    /// The count in the billing system (CMIS).
    public var billed: HouseholdQuarters
    /// The count the dossier supports today: the main household and each valid sub-household.
    public var supported: HouseholdQuarters
    /// Since when the two differ: the later of the moments each took its current value.
    public var since: Date

    /// `supported − billed`, signed, as people read it: `+1`, `−¾`.
    public var difference: String {
        let delta = supported.quarters - billed.quarters
        return (delta < 0 ? "−" : "+") + HouseholdQuarters(quarters: abs(delta)).description
    }
}
