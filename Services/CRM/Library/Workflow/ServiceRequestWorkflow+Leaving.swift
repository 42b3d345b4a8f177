import Contracts
import GRDB
import Messaging

/// A household change whose leaving sub-households households could not end: the landlord
/// named a reference that is not a current household of their meter's dossier, so nothing
/// changed and the request is refused with the references the customer should check.
extension ServiceRequestWorkflow {
    func recordHouseholdsRefusal(_ refusal: SubHouseholdsRefused, cause: Envelope, in db: Database) throws {
        let ticket = try existingTicket(refusal.requestCode, in: db)
        guard ticket.status == .open, ticket.kind == .householdCountChange, ticket.countedQuarters == nil else { return }
        log("household change refused by households", requestCode: ticket.requestCode, ticketId: ticket.ticketId,
            ["unknown_sub_households": "\(refusal.unknownSubHouseholdIds.joined(separator: ","))"], in: db)
        try refuse(ticket, ground: .refusedByBranch, reason: Self.unknownSubHouseholds(refusal), cause: cause, in: db)
    }

    /// The customer's reason: the first reference the meter's dossier does not hold, and how
    /// many others. A reference is at most 40 characters, so the sentence stays within the
    /// 150 a refusal's notice carries.
    static func unknownSubHouseholds(_ refusal: SubHouseholdsRefused) -> String {
        let others = refusal.unknownSubHouseholdIds.count - 1
        return "Hồ sơ hộ dùng chung của công tơ không có hộ \(refusal.unknownSubHouseholdIds.first ?? "")"
            + (others > 0 ? " (và \(others) mã khác)" : "") + "; vui lòng kiểm tra lại mã hộ trên hồ sơ"
    }
}
