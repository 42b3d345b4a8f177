import Foundation
import Logging
import ServiceKit

/// Files a request about an existing supply point: the API's, the portal's, the call
/// centre's and the customer-care mailbox's alike.
///
/// The form is checked whole (``ServiceRequestValidator``); an operator files for their own
/// branch's customers only; then ``FilingGate`` counts and stores it, once per idempotency claim.
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
        let outcome = try await gate.store(naming: serviceRequest.phone, by: party) { filer in
            try await store.submit(serviceRequest, by: filer, idempotency: idempotency, at: clock.now())
        }
        switch outcome {
        case .success(.accepted(let receipt)):
            logger.info("service request submitted", metadata: .request(receipt.requestCode, [
                "kind": "\(serviceRequest.kind.rawValue)", "branch": "\(receipt.branch.code)",
                "customer_code": "\(serviceRequest.customerCode)", "channel": "\(serviceRequest.channel.rawValue)",
            ]))
        case .success(.replayed(let receipt)):
            logger.info("service request sent again with the same key, nothing filed", metadata: .request(receipt.requestCode))
        case .success(.keyReused), .failure:
            break
        }
        return outcome
    }
}
