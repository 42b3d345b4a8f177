import Foundation

/// One household of a dossier as unit staff see it.
public struct SubHouseholdView: Sendable, Codable {
    /// The household's reference, `SH-<n>`; metering names it when a meter is split off.
    public var subHouseholdId: String
    public var role: MemberRole
    public var fullName: String
    public var maskedIdNumber: String
    /// A 9-digit CMND: ask for the current citizen ID at the next contact.
    public var legacyIdNumber: Bool
    public var maskedHouseholdBook: String?
    public var permanentAddress: String?
    public var residenceConfirmation: ResidenceConfirmationForm?
    public var persons: Int?
    /// Whether it counted at the dossier's last recount (its confirmation held then).
    public var counting: Bool
    public var status: MemberStatus
    public var joinedAt: Date
    public var leftAt: Date?
    /// Its own customer code, once split.
    public var splitCustomerCode: String?
    /// Why it has not split, and whether it wants to.
    public var splitStatus: SplitStatusView?
}
