import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// The sub-households a customer's approved request says have left the shared meter: named by
/// the references the dossier shows (`SH-<n>`), and only ever those of that meter's own active
/// dossier, so a typing error cannot end another customer's household.
extension DossierRegistry {
    /// What a request's leaving references come to.
    enum LeavingHouseholds: Equatable {
        /// Every reference is a current sub-household of `dossierId`, the meter's active dossier.
        case found(dossierId: String, memberIds: [Int64])
        /// These references are not current sub-households of the meter's active dossier (or it has none).
        case unknown([String])
    }

    func leavingHouseholds(_ references: [String], customerCode: String, in db: Database) throws -> LeavingHouseholds {
        guard let dossierId = try activeDossierId(customerCode: customerCode, in: db) else { return .unknown(references) }
        var memberIds: [Int64] = [], unknown: [String] = []
        for reference in references {
            if let member = SubHouseholdReference(reference), try currentSubHousehold(member.memberId, in: db) == dossierId {
                memberIds.append(member.memberId)
            } else {
                unknown.append(reference)
            }
        }
        return unknown.isEmpty ? .found(dossierId: dossierId, memberIds: memberIds) : .unknown(unknown)
    }

    /// Ends the sub-households that left `dossierId` and recounts it once, the change carrying
    /// `requestCode` so that crm amends the contract on that request's ticket.
    func endRequestedHouseholds(_ memberIds: [Int64], of dossierId: String, requestCode: String, at now: Date,
                                today: CalendarDay, cause: Envelope, in db: Database) throws {
        for memberId in memberIds {
            try leave(memberId: memberId, reason: "ended", at: now, in: db)
        }
        try counter.recount(dossierId: dossierId, reason: .subHouseholdEnded, at: now, today: today, cause: cause,
                            requestCode: requestCode, in: db)
    }
}
