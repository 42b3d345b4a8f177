/// Why a message another service sent can never change a ticket, however often it is
/// delivered. The workflow throws it; crm's message handlers dead-letter the message with
/// ``description`` as the reason instead of retrying it.
enum MessageRefusal: Error, Sendable, CustomStringConvertible {
    /// The message names a request crm opened no ticket for.
    case noTicket(requestCode: String)
    /// The message is about a service request crm opened no service ticket for.
    case noServiceTicket(requestCode: String)
    /// A signature names a contract the request does not have in draft.
    case noDraftedContract(requestCode: String, contractNumber: String)
    /// A signature whose document does not hash to the SHA-256 it names: what was signed is
    /// not proven, so nothing is recorded.
    case signedCopyMismatch(requestCode: String)
    /// A service request of a connection's kind, which runs the connection flow instead.
    case connectionAsServiceRequest(requestCode: String, kind: String)
    /// The message breaks a rule of its contract (a blank code, a negative count).
    case malformed(String)

    var description: String {
        switch self {
        case .noTicket(let requestCode): "no ticket for request \(requestCode)"
        case .noServiceTicket(let requestCode): "no service ticket for request \(requestCode)"
        case .noDraftedContract(let requestCode, let contractNumber):
            "request \(requestCode) has no drafted contract \(contractNumber)"
        case .signedCopyMismatch(let requestCode):
            "the signed document of request \(requestCode) does not match its SHA-256"
        case .connectionAsServiceRequest(let requestCode, let kind):
            "service request \(requestCode) is a connection (\(kind))"
        case .malformed(let reason): reason
        }
    }
}
