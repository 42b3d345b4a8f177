import Foundation
import Logging
import ServiceKit

/// Files a request about an existing supply point: the API's, the portal's, the call
/// centre's and the customer-care mailbox's alike.
///
/// The form is checked whole (``ServiceRequestValidator``); an operator files for their own
/// branch's customers only; then ``FilingGate`` counts, stores and logs it, once per idempotency claim.
struct ServiceRequestFiling: Sendable {
    let validator: ServiceRequestValidator
    let store: ServiceRequestStore
    let gate: FilingGate
    let clock: WallClock
    let logger: Logger

    func file(_ form: ServiceRequestForm, by party: FilingParty, idempotency: IdempotencyLedger.Claim?) async throws
        -> Result<FilingOutcome, FilingRefusal> {
        let serviceRequest: ServiceRequest
        do {
            serviceRequest = try validator.validate(form, asOf: clock.now(), channel: party.channel)
        } catch {
            return .failure(.invalid(error.errors))
        }
        guard party.mayFile(for: serviceRequest.branch.code) else { return .failure(.otherUnit(field: "customerCode")) }
        return try await gate.file("service request", naming: serviceRequest.phone, by: party, details: [
            "kind": "\(serviceRequest.kind.rawValue)", "customer_code": "\(serviceRequest.customerCode)",
            "channel": "\(serviceRequest.channel.rawValue)",
        ], logger: logger) { filer in
            try await store.submit(serviceRequest, by: filer, idempotency: idempotency, at: clock.now())
        }
    }
}
