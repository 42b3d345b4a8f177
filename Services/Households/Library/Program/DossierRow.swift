import VietnameseIdentity

/// One checked row of a bulk dossier file, its personal data already sealed.
struct DossierRow: Sendable {
    enum Household: Sendable {
        /// The shared meter's holder: opens the customer's dossier.
        case main(NewDossier.Holder, contactPhone: VietnamesePhoneNumber?)
        case sub(SubHousehold)
    }

    var line: Int
    var customerCode: String
    var unit: String
    var household: Household
    var sealed: MemberSealing.Sealed
}
