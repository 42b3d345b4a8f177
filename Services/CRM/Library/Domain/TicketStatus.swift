/// Whether staff still work a ticket.
enum TicketStatus: String, Codable, Sendable {
    /// Between the request and its signed contract or refusal.
    case open
    /// Signed or refused; the closure records the SLA outcome.
    case closed
}
