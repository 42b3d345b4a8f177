import Foundation

/// The number of households that the sub-household program (QLHP) supports on one shared
/// meter changed: a sub-household registered, ended, split off onto its own meter, or its
/// residence confirmation expired or was renewed.
///
/// Every tier bound of the shared meter's bill is multiplied by this count (Circular 16/2014
/// art. 10 as amended by 09/2023), so crm opens a contract-amendment ticket for the branch.
/// Counts are in quarters of an allowance, because tenant groups count ¼ per registered person:
/// 8 is two households, 9 is two and a quarter. No personal data.
public struct HouseholdCountChanged: MessageContract {
    public static let routingKey = "households.count.changed"
    public static let version = 1
    public static let kind = MessageKind.event

    /// What moved the count.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case subHouseholdRegistered = "sub_household_registered"
        case subHouseholdUpdated = "sub_household_updated"
        case subHouseholdEnded = "sub_household_ended"
        case subHouseholdSplit = "sub_household_split"
        case confirmationExpired = "confirmation_expired"
        case dossierClosed = "dossier_closed"
    }

    /// Unique per change, so crm opens one ticket per change however often it is delivered.
    public var changeId: String
    public var dossierId: String
    /// The branch keeping the dossier, which amends the contract.
    public var unit: String
    /// The shared meter's customer code in the billing system.
    public var customerCode: String
    /// The contract the dossier was registered from, when it came through the one-stop flow.
    public var contractNumber: String?
    public var previousQuarters: Int
    public var newQuarters: Int
    public var reason: Reason
    /// The day the new count holds from (Vietnam time).
    public var effectiveOn: CalendarDate
    public var changedAt: Date
    /// The customer's request that moved the count (`household_count_change`), when one did:
    /// crm then amends the contract on that request's ticket instead of opening another.
    public var requestCode: String?

    public init(
        changeId: String, dossierId: String, unit: String, customerCode: String, contractNumber: String?,
        previousQuarters: Int, newQuarters: Int, reason: Reason, effectiveOn: CalendarDate, changedAt: Date,
        requestCode: String? = nil
    ) {
        self.changeId = changeId
        self.dossierId = dossierId
        self.unit = unit
        self.customerCode = customerCode
        self.contractNumber = contractNumber
        self.previousQuarters = previousQuarters
        self.newQuarters = newQuarters
        self.reason = reason
        self.effectiveOn = effectiveOn
        self.changedAt = changedAt
        self.requestCode = requestCode
    }
}
