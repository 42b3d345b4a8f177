import Foundation
import GRDB
import Logging

extension DeliveryQueue {
    /// Queues the answer to a message a customer sent (an SMS, an e-mail) once: the order is
    /// filed under that message's id, so a repeated command is logged and leaves nothing new.
    ///
    /// - Parameter channel: how the answer leaves, as the log lines name it (`sms`, `e-mail`).
    func enqueueAnswer(_ order: DeliveryOrder, channel: String, metadata: Logger.Metadata, logger: Logger,
                       in db: Database) throws {
        if try enqueue(order, at: clock.preciseNow(), in: db) {
            logger.info("\(channel) answer queued", metadata: metadata)
        } else {
            logger.debug("\(channel) answer already queued, not repeated", metadata: metadata)
        }
    }
}
