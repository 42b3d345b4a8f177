/// The body of `POST /api/v1/dossiers` as sent, before any check.
///
/// Every field is optional so that a missing one becomes a field error next to the others.
struct DossierForm: Decodable, Sendable {
    struct PersonForm: Decodable, Sendable {
        var fullName: String?
        var idNumber: String?
    }

    var customerCode: String?
    /// The unit keeping the dossier; corporation staff must give it, unit staff may only name their own.
    var unit: String?
    var meterSerial: String?
    var holder: PersonForm?
    var subHouseholds: [PersonForm]?
}
