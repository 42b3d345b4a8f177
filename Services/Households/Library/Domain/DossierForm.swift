/// The body of `POST /api/v1/dossiers` as sent, before any check.
///
/// Every field is optional so that a missing one becomes a field error next to the others.
struct DossierForm: Decodable, Sendable {
    /// The main household: the contract holder, whose meter the others share.
    struct HolderForm: Decodable, Sendable {
        var fullName: String?
        var idNumber: String?
        var householdBook: String?
    }

    var customerCode: String?
    /// The unit keeping the dossier; corporation staff must give it, unit staff may only name their own.
    var unit: String?
    var meterSerial: String?
    var holder: HolderForm?
    /// The main household's mobile: residence-confirmation reminders go to it.
    var contactPhone: String?
    var subHouseholds: [SubHouseholdForm]?
    /// A supervisor's reason for registering despite a duplicate elsewhere in the corporation.
    var override: OverrideForm?
}
