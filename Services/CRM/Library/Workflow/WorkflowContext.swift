import Foundation
import GRDB
import Logging
import Messaging
import PersonalData
import ServiceKit
import WorkingCalendar

/// What every ticket's workflow works with: the SLA clock and policy, the sealing of
/// personal data, the outbox, and the log that speaks once a change has committed.
struct WorkflowContext: Sendable {
    let policy: ServiceTimePolicy
    let personalData: PersonalDataProtector
    let messages: FlowMessages
    let logger: Logger
    /// The service's clock: the real one in service, one the test moves in tests.
    let clock: WallClock

    /// The current instant to the whole second, as messages carry instants.
    var currentInstant: Date {
        clock.now()
    }

    /// Logs `message` about the ticket `ticketId` of `requestCode` once its transaction has committed,
    /// with `request_code` and `correlation_id`.
    func log(_ message: Logger.Message, requestCode: String, ticketId: String, _ metadata: Logger.Metadata = [:],
             in db: Database) {
        log(message, Logger.Metadata.request(requestCode, ["ticket_id": "\(ticketId)"])
            .merging(metadata) { _, given in given }, in: db)
    }

    /// Logs `message` with `metadata` once its transaction has committed.
    func log(_ message: Logger.Message, _ metadata: Logger.Metadata, in db: Database) {
        let logger = logger
        db.afterNextTransaction { _ in logger.info(message, metadata: metadata) }
    }
}
