/// A notice names a request whose ticket notification never saw, so there is nobody to tell.
struct UnknownRequest: Error, CustomStringConvertible {
    var requestCode: String

    var description: String {
        "no contact is known for request \(requestCode): its crm.ticket.opened was not received"
    }
}
