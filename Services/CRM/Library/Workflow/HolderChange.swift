import Contracts
import Foundation
import GRDB
import Messaging

extension ServiceRequestWorkflow {
    // MARK: Change of holder (screening of the new holder)

    /// Asks households to screen the new holder's ID number, as a new connection's applicant's
    /// is: whoever takes a contract over must not already hold a household elsewhere.
    func screenNewHolder(_ ticket: ServiceTicket, _ details: ServiceRequestDetails, cause: Envelope, at date: Date,
                         in db: Database) throws {
        guard let newHolder = details.newHolder else {
            throw MessageRefusal.malformed("change of holder \(ticket.requestCode) names no new holder")
        }
        try messages.send(ScreenIdentities(requestCode: ticket.requestCode, requestKind: ticket.kind,
                                           idNumbers: [newHolder.idNumber]),
                          requestCode: ticket.requestCode, cause: cause, at: date, in: db)
    }

    /// Refuses a change of holder whose new holder households found in another household's
    /// dossier: the contract cannot pass to them, and the one leaving is told why, naming the
    /// units that hold the other dossiers but neither ID number nor customer code.
    func refuseConflictingHolder(_ ticket: ServiceTicket, _ conflicts: [ScreeningConflict], cause: Envelope,
                                 in db: Database) throws {
        let units = Array(Set(conflicts.map(\.unit))).sorted().joined(separator: ", ")
        let reason = "Chủ hợp đồng mới đã đứng tên hồ sơ sử dụng điện của một hộ khác (đơn vị \(units))"
        try refuse(ticket, ground: .screeningConflict, reason: reason, cause: cause, in: db)
    }
}
