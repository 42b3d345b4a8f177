/// What a handler throws to say how its failure should be treated.
///
/// Any other error is taken as transient (a busy database, a timeout) and
/// retried with back-off; these say retrying cannot help.
public enum MessageHandlingError: Error, Sendable, CustomStringConvertible {
    /// The message can never be handled (it does not decode, it breaks a rule):
    /// straight to the dead-letter queue with this reason.
    case permanent(String)

    public var description: String {
        switch self {
        case let .permanent(reason): reason
        }
    }
}
