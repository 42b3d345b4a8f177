import Contracts
import Logging
import Messaging
import ServiceKit

/// Asks metering when a customer's meter is read (`metering.reading-schedule`, request/reply).
struct ReadingScheduleLookup: Sendable {
    /// metering's answer: the schedule, or `.unknown` for a customer code it has no meter for.
    enum Answer: Sendable, Equatable {
        case schedule(ReadingSchedule)
        case unknown
    }

    let lookups: RPCClient
    /// How long the customer's answer waits for metering.
    let timeout: Duration
    let logger: Logger

    /// `nil` when metering did not answer in time (logged at warning).
    func schedule(customerCode: String) async -> Answer? {
        do {
            return try await lookups.ask(ReadingScheduleQuery(customerCode: customerCode), timeout: timeout)
                .map(Answer.schedule) ?? .unknown
        } catch {
            logger.warning("metering's reading schedule is unavailable",
                           metadata: ["customer_code": "\(customerCode)", "reason": "\(error)"])
            return nil
        }
    }
}
