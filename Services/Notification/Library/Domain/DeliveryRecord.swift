import Foundation

/// One line of the delivery log as operators read it: what went to whom (masked), how
/// often it was tried and how it ended. Never the text or the full address.
///
/// A request notice names its `requestCode`; a residence reminder its `reminderId` and
/// the shared meter's `customerCode` instead.
struct DeliveryRecord: Codable, Sendable {
    var deliveryId: String
    var requestCode: String?
    var reminderId: String?
    var customerCode: String?
    var notice: String
    var channel: String
    var recipient: String
    /// `pending`, `sending`, `delivered` or `failed`.
    var status: String
    var attempts: Int
    /// The gateway's message id or the mail relay's acceptance, once delivered.
    var outcome: String?
    var lastError: String?
    var queuedAt: Date
    var nextAttemptAt: Date?
    /// When it was delivered or given up.
    var finishedAt: Date?
}
