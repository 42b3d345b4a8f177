/// A dossier about to be registered: one main household and its sub-households on one meter.
struct NewDossier: Sendable {
    /// The branch code of the unit that keeps the dossier.
    var unit: String
    /// The customer code of the shared meter's contract in the billing system.
    var customerCode: String
    var meterSerial: String?
    /// The contract it was registered from; at most one dossier per contract.
    var contractNumber: String?
    var requestCode: String?
    var origin: DossierOrigin
    /// The main household first, then the sub-households; no ID number twice.
    var members: [DossierMember]
}
