import Foundation

/// A dossier as unit staff see it: names in full, ID numbers masked.
struct DossierView: Sendable, Encodable {
    struct Member: Sendable, Encodable {
        var role: MemberRole
        var fullName: String
        var maskedIdNumber: String
    }

    var dossierId: String
    var unit: String
    var customerCode: String
    var meterSerial: String?
    var contractNumber: String?
    var origin: DossierOrigin
    var status: DossierStatus
    var openedAt: Date
    var closedAt: Date?
    /// The main household first, then the sub-households in the order registered.
    var members: [Member]
}
