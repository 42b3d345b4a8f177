import Foundation
import GRDB
import Logging

extension DeliveryQueue {
    /// Queues an order a command asks for once: the order is filed under the id the command
    /// names (the message answered, crm's notice), so a repeated command is logged and leaves
    /// nothing new.
    ///
    /// - Parameter what: the order as the log lines name it (`sms answer`, `staff deadline notice`).
    func enqueueOnce(_ order: DeliveryOrder, logging what: String, metadata: Logger.Metadata, logger: Logger,
                     in db: Database) throws {
        if try enqueue(order, at: clock.preciseNow(), in: db) {
            logger.info("\(what) queued", metadata: metadata)
        } else {
            logger.debug("\(what) already queued, not repeated", metadata: metadata)
        }
    }
}
