import Contracts
import Foundation

/// A dossier as unit staff see it: names and addresses in full, ID numbers, household books
/// and the phone masked, and the count it supports today.
struct DossierView: Sendable, Encodable {
    var dossierId: String
    var unit: String
    var customerCode: String
    var meterSerial: String?
    var contractNumber: String?
    var origin: DossierOrigin
    var status: DossierStatus
    var openedAt: Date
    var closedAt: Date?
    var maskedContactPhone: String?
    /// The households the dossier supports on the meter, e.g. `{"quarters": 9, "households": "2¼"}`.
    var allowance: HouseholdQuarters.Shown
    /// The main household first, then the sub-households in the order registered, those that
    /// left included (with their status).
    var members: [SubHouseholdView]
}
