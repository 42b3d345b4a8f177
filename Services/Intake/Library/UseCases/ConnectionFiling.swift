import Foundation
import Logging
import ServiceKit

/// Files a request for a new connection: the API's, the portal's and the call centre's alike.
///
/// The form is checked whole (``SubmissionValidator``); an operator files for their own
/// branch's communes only; then ``FilingGate`` counts and stores it, once per
/// idempotency claim.
struct ConnectionFiling: Sendable {
    let validator: SubmissionValidator
    let store: SubmissionStore
    let gate: FilingGate
    let clock: WallClock
    let logger: Logger

    func file(_ form: SubmissionForm, by party: FilingParty, idempotency: IdempotencyLedger.Claim?) async throws
        -> Result<FilingOutcome, FilingRefusal> {
        let connection: ConnectionRequest
        do {
            connection = try validator.validate(form, asOf: clock.now())
        } catch {
            return .failure(.invalid(error.errors))
        }
        guard party.mayFile(for: connection.area.branch.code) else { return .failure(.otherUnit(field: "site.communeCode")) }
        let outcome = try await gate.store(naming: connection.phone, by: party) { filer in
            try await store.submit(connection, by: filer, idempotency: idempotency, at: clock.now())
        }
        switch outcome {
        case .success(.accepted(let receipt)):
            logger.info("request submitted", metadata: .request(receipt.requestCode, [
                "branch": "\(receipt.branch.code)", "channel": "\(connection.channel.rawValue)",
            ]))
        case .success(.replayed(let receipt)):
            logger.info("request sent again with the same key, nothing filed", metadata: .request(receipt.requestCode))
        case .success(.keyReused), .failure:
            break
        }
        return outcome
    }
}
