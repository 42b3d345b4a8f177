import Contracts
import Foundation
import VietnameseIdentity

/// What the customer gets back for an accepted request: the body of the 201 answer.
///
/// Stored with the idempotency key, so that a retried submission gets the very same answer.
struct SubmissionReceipt: Codable, Sendable, Equatable {
    var requestCode: String
    /// Where the customer follows the request on the portal.
    var trackingUrl: String
    /// The branch that will handle the request and its hotline.
    var branch: Branch
    var submittedAt: Date
    /// Things accepted but worth knowing, e.g. a legacy ID number (`id_number.legacy`).
    var notices: [FieldError]

    init(code: RequestCode, branch: Branch, submittedAt: Date, notices: [FieldError]) {
        requestCode = code.value
        trackingUrl = "/track/\(code.value)"
        self.branch = branch
        self.submittedAt = submittedAt
        self.notices = notices
    }
}
