import Contracts
import Foundation
import GRDB
import Messaging

/// Writes households' messages to the outbox in the transaction of the change that causes them.
///
/// A message caused by an incoming one keeps its trace, its `correlation_id` (the request that
/// split the meter) and names it as cause; one caused by staff or by the daily job starts a
/// new trace with the shared meter's customer code as `correlation_id`, so `grep <customer
/// code>` over the logs tells a dossier's story.
struct HouseholdsMessages: Sendable {
    let outbox: Outbox

    func send<Message: MessageContract>(_ message: Message, customerCode: String, cause: Envelope?, at date: Date,
                                        in db: Database) throws {
        try outbox.send(message, cause: cause, correlation: cause?.correlationId ?? customerCode, at: date, in: db)
    }
}
