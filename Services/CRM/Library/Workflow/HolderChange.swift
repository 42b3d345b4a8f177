import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

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

extension ServiceRequestWorkflow {
    // MARK: Change of holder (the contract passes on)

    /// Passes the contract crm holds for the customer code to the new holder from the day of
    /// the approval: a version that keeps the new holder, sealed. Nothing when crm holds no
    /// signed contract for the code (one signed before crm kept contracts).
    func transferHeldContract(_ ticket: ServiceTicket, to newHolder: Person?, in db: Database) throws {
        guard let newHolder,
              let contract = try ContractStore.signedContract(customerCode: ticket.customerCode, in: db) else { return }
        let changedAt = currentInstant
        let holder = try ContractVersion.NewHolder(newHolder, personalData: personalData)
        try ContractVersionStore.append(
            .holderChanged, contractNumber: contract.contractNumber,
            ContractVersion.Cause(source: ticket.requestCode, effectiveOn: CalendarDay(changedAt).calendarDate,
                                  recordedAt: changedAt),
            holder: holder, in: db)
        log("contract holder changed", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["contract_number": "\(contract.contractNumber)", "new_holder_id": "\(holder.idMasked)"], in: db)
    }
}
