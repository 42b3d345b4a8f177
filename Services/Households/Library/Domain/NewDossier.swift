import VietnameseIdentity

/// A dossier about to be registered: one main household and its sub-households on one meter.
struct NewDossier: Sendable {
    /// The main household as checked.
    struct Holder: Sendable {
        var name: PersonName
        var id: CitizenID
        var householdBook: String?
    }

    /// The branch code of the unit that keeps the dossier.
    var unit: String
    /// The customer code of the shared meter's contract in the billing system.
    var customerCode: String
    var meterSerial: String?
    /// The contract it was registered from; at most one dossier per contract.
    var contractNumber: String?
    var requestCode: String?
    var origin: DossierOrigin
    var holder: Holder
    var contactPhone: VietnamesePhoneNumber?
    /// No ID number or household book twice in one dossier, the holder's included.
    var subHouseholds: [SubHousehold]
}
