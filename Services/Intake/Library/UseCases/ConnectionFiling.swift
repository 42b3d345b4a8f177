import Foundation
import Logging
import ServiceKit

/// Files a request for a new connection: the API's, the portal's and the call centre's alike.
///
/// The form is checked whole (``SubmissionValidator``); an operator files for their own
/// branch's communes only; then ``FilingGate`` counts, stores and logs it, once per
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
        return try await gate.file("request", naming: connection.phone, by: party,
                                   details: ["channel": "\(connection.channel.rawValue)"], logger: logger) { filer in
            try await store.submit(connection, by: filer, idempotency: idempotency, at: clock.now())
        }
    }
}
