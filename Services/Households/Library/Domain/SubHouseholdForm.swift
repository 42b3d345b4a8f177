/// A sub-household as sent by unit staff, one API body or one row of a bulk file, before any check.
///
/// Every field is optional so that a missing one becomes a field error next to the others.
public struct SubHouseholdForm: Codable, Sendable {
    /// The household head's full name.
    public var fullName: String?
    /// 12-digit CCCD, or a 9-digit CMND from an old dossier (accepted and flagged).
    public var idNumber: String?
    /// The number of the legacy paper household book (*sổ hộ khẩu*), when the dossier has one.
    public var householdBook: String?
    public var permanentAddress: String?
    /// The residence confirmation at the place of use: since 15 Jun 2023 the count follows it.
    public var residenceConfirmation: ResidenceConfirmationForm?
    /// For a group of tenants: how many persons are registered (each counts ¼ of a household).
    public var persons: Int?

    public init(
        fullName: String?, idNumber: String?, householdBook: String? = nil, permanentAddress: String? = nil,
        residenceConfirmation: ResidenceConfirmationForm? = nil, persons: Int? = nil
    ) {
        self.fullName = fullName
        self.idNumber = idNumber
        self.householdBook = householdBook
        self.permanentAddress = permanentAddress
        self.residenceConfirmation = residenceConfirmation
        self.persons = persons
    }
}
