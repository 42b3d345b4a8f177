import Contracts
import Foundation
import GRDB
import Messaging

/// Writes the messages a ticket's change causes to the outbox, in the change's transaction.
///
/// A message caused by an incoming one keeps its trace and names it as cause; one caused
/// by staff starts a new trace. Either way its `correlation_id` is the request code.
struct FlowMessages: Sendable {
    let outbox: Outbox

    func send<Message: MessageContract>(_ message: Message, requestCode: String, cause: Envelope?, at date: Date,
                                        in db: Database) throws {
        try outbox.send(message, cause: cause, correlation: requestCode, at: date, in: db)
    }
}
