import Contracts
import Messaging

/// One notice to queue for one recipient on one channel, as a handler decides it.
struct DeliveryOrder: Sendable {
    var subject: DeliverySubject
    /// What tells two notices of the same kind for one request apart: empty for the notices
    /// a request gets once (and for reminders, one per reminder id), the issue instant for a
    /// signing code (a customer may ask for a new one).
    var occasion: String
    var recipient: Recipient
    var content: DeliveryContent
    /// The message that asked for it: its id and trace go on the `customer.notified` event.
    var cause: Envelope
}
