import Contracts
import Foundation
import GRDB

/// What a handler receives beside the decoded message: the message being handled, whose
/// envelope is the cause of whatever the handler sends; the transaction that records it in the
/// inbox; and the outbox that transaction writes to, so that a state change and the messages it
/// causes commit together.
public struct MessageContext {
    /// The message being handled, as delivered.
    public let message: IncomingMessage
    /// The inbox's transaction: the handler's writes commit with the message's claim.
    public let db: Database
    public let outbox: Outbox

    /// The envelope of the message being handled: the cause of the messages the handler sends.
    public var envelope: Envelope { message.envelope }

    /// Sends `contract` as caused by the message being handled (see
    /// ``Outbox/send(_:cause:correlation:at:in:)``).
    public func send<Message: MessageContract>(_ contract: Message, correlation: String? = nil, at date: Date) throws {
        try outbox.send(contract, cause: envelope, correlation: correlation, at: date, in: db)
    }
}
