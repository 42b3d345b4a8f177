import Contracts
import Foundation

/// A service request's ticket as the operator works it: who asked and what for, where it
/// waits, what metering and households answered, and its timeline.
struct ServiceTicketDetail: Encodable, Sendable {
    var ticketId: String
    var kind = TicketKind.serviceRequest
    var requestKind: RequestKind
    var requestCode: String
    var customerCode: String
    var branchCode: String
    var branch: Branch
    var status: TicketStatus
    var stage: ServiceStage
    var slaLimitWorkingDays: Int
    var dueDate: String
    var slaState: SLAState
    /// Who to call back, and what they asked for (the new holder, households, site…).
    var requester: TicketDetail.ApplicantContact
    var details: ServiceRequestDetails
    var screening: TicketDetail.ScreeningView?
    var approvedBy: String?
    var visit: MeterVisited?
    var newCustomerCode: String?
    var countedHouseholds: HouseholdQuarters.Shown?
    /// The contract crm holds for the customer code, as it now stands.
    var contract: TicketDetail.ContractView?
    /// The contract this request terminated, once the customer code holds it no more.
    var endedContract: TicketDetail.ContractView?
    var closure: TicketDetail.ClosureView?
    /// The customer's later mails in the thread of a request filed from an e-mail, oldest first.
    var conversation: [InquiryDetail.Message]
    var timeline: [TimelineStep]
}
