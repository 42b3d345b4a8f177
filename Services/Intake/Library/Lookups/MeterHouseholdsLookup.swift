import Contracts
import Logging
import Messaging
import ServiceKit

/// Asks households which households share a holder's meter (`households.meter-households`, request/reply).
struct MeterHouseholdsLookup: Sendable {
    /// households' answer: the households, or `.unknown` for a customer code without an active
    /// dossier or a phone that is not the one it was registered with.
    enum Answer: Sendable, Equatable {
        case households(MeterHouseholds)
        case unknown
    }

    let lookups: RPCClient
    /// How long the customer's answer waits for households.
    let timeout: Duration
    let logger: Logger

    /// `nil` when households did not answer in time (logged at warning, the phone left out).
    func households(customerCode: String, holderPhone: String) async -> Answer? {
        do {
            return try await lookups.ask(MeterHouseholdsQuery(customerCode: customerCode, holderPhone: holderPhone),
                                         timeout: timeout).map(Answer.households) ?? .unknown
        } catch {
            logger.warning("households' list of a meter's households is unavailable",
                           metadata: ["customer_code": "\(customerCode)", "reason": "\(error)"])
            return nil
        }
    }
}
