import Contracts
import Logging
import Messaging
import ServiceKit

/// Asks crm for a request's timeline (`crm.request-timeline`, request/reply).
///
/// The portal must answer even when crm cannot: a failed or late look-up is logged at
/// warning and reported as "no timeline", and the caller shows intake's own step instead.
struct TimelineLookup: Sendable {
    let lookups: RPCClient
    /// How long the customer's answer waits for crm.
    let timeout: Duration
    let logger: Logger

    /// crm's timeline of the request; `nil` when crm has no ticket for it yet, or did not answer.
    func timeline(of requestCode: String) async -> RequestTimeline? {
        do {
            return try await lookups.ask(RequestTimelineQuery(requestCode: requestCode), timeout: timeout)
        } catch {
            logger.warning("crm's timeline is unavailable; answering intake's own step",
                           metadata: .request(requestCode, ["reason": "\(error)"]))
            return nil
        }
    }
}
