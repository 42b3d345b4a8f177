import Contracts
import Foundation

/// One dossier as a unit's list shows it: enough to recognise it and open it.
struct DossierSummary: Sendable, Codable {
    var dossierId: String
    var unit: String
    var customerCode: String
    /// The main household's full name (the contract holder).
    var holderName: String
    var status: DossierStatus
    var openedAt: Date
    /// The households the dossier supports, as at its last recount.
    var allowance: HouseholdQuarters.Shown
}
