import VietnameseIdentity
import WorkingCalendar

/// A sub-household as checked, ready to join a dossier.
struct SubHousehold: Sendable {
    var name: PersonName
    var id: CitizenID
    /// The legacy household book's number, digits and letters only.
    var householdBook: String?
    var permanentAddress: String?
    /// Absent only for households registered from a signed contract, whose documents were
    /// checked at the counter: they count until staff record a confirmation with an end.
    var confirmation: ResidenceConfirmation?
    /// For tenants: the registered persons, each ¼ of a household; `nil` for one household.
    var persons: Int?

    /// What the count rule needs of it.
    var share: HouseholdCountRule.Share {
        HouseholdCountRule.Share(persons: persons, validUntil: confirmation?.validUntil)
    }
}
