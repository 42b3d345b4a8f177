/// Why a dead letter could not be replayed.
public enum DeadLetterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Its body is sealed and this service's key does not open it; it stays in the queue.
    case sealed(messageId: String)

    public var description: String {
        switch self {
        case let .sealed(messageId):
            "dead letter \(messageId) is sealed with a key this service does not hold; it stays in the queue"
        }
    }
}
