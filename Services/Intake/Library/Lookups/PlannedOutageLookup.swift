import Contracts
import Logging
import Messaging
import ServiceKit

/// Asks outage for the planned outages of an area (`outage.planned-outages`, request/reply).
struct PlannedOutageLookup: Sendable {
    let lookups: RPCClient
    /// How long the customer's answer waits for outage.
    let timeout: Duration
    let logger: Logger

    /// outage's answer; `nil` when outage did not answer in time (logged at warning).
    func plannedOutages(_ query: PlannedOutagesQuery) async -> PlannedOutagesQuery.Reply? {
        do {
            return try await lookups.ask(query, timeout: timeout)
        } catch {
            logger.warning("outage's planned-outage schedule is unavailable", metadata: [
                "commune": "\(query.communeCode ?? "")", "customer_code": "\(query.customerCode ?? "")",
                "reason": "\(error)",
            ])
            return nil
        }
    }
}
