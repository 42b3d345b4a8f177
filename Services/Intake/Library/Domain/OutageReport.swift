import Contracts
import VietnameseIdentity

/// An outage report that passed intake's checks: the branch found, the phone parsed.
struct OutageReport: Sendable {
    var channel: Channel
    var operatorId: String?
    var branch: Branch
    var customerCode: CustomerCode?
    var communeCode: String?
    var phone: VietnamesePhoneNumber
    var note: String?
}
