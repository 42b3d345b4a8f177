/// What a ticket is about: staff work every kind from one list, each against its own limit.
enum TicketKind: String, Codable, Sendable {
    /// A request for a new low-voltage connection (flow steps 2–7), opened by intake's request.
    case newConnection = "new_connection"
    /// A change of the number of households sharing a meter, opened by households' count change.
    case contractAmendment = "contract_amendment"
    /// A request about an existing supply point (its `requestKind` says which), opened by intake's service request.
    case serviceRequest = "service_request"
    /// A customer's general inquiry by e-mail, opened by intake's inquiry and answered in the customer's thread.
    case inquiry
}
