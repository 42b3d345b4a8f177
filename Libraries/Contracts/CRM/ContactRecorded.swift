import Foundation

/// Branch staff reached the customer about the request (flow step 4).
///
/// The one-stop promise starts with this call; the event puts it on the record for
/// anyone measuring how fast branches call back. What was said stays in crm.
public struct ContactRecorded: MessageContract {
    public static let routingKey = "crm.contact.recorded"
    public static let version = 1
    public static let kind = MessageKind.event

    public var ticketId: String
    public var requestCode: String
    /// The staff member who called.
    public var staffId: String
    public var contactedAt: Date

    public init(ticketId: String, requestCode: String, staffId: String, contactedAt: Date) {
        self.ticketId = ticketId
        self.requestCode = requestCode
        self.staffId = staffId
        self.contactedAt = contactedAt
    }
}
