/// A look-up whose owner answers at once over request/reply.
///
/// The reply travels back on the requester's `reply_to` with no routing key of its own,
/// so its schema is tied to the query's: the reply shares the query's ``MessageContract/version``.
public protocol QueryContract: MessageContract {
    /// The body of the answer.
    associatedtype Reply: Codable, Sendable, Equatable
}
