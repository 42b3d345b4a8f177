/// Why a send did not go out, and what that means for trying again.
struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    enum Kind: Sendable {
        /// The gateway or relay is busy, down or unreachable: retrying later will likely work.
        case transient
        /// The gateway or relay refuses our configuration (wrong key, brandname not
        /// registered, TLS or login refused). Retried all the same, because an operator who
        /// fixes the setting should not have to replay anything; logged at error meanwhile.
        case configuration
        /// The address itself is refused (malformed, unknown mailbox): no retry can help.
        case undeliverable
    }

    var kind: Kind
    /// One line for the logs and the delivery log; never the text or the full address.
    var reason: String

    var description: String { reason }
}
