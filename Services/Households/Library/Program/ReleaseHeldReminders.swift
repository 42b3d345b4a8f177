import Foundation
import Logging
import ServiceKit
import StaffAuth

/// Sends every reminder a residence pass held back, for a corporation's households officer
/// (checked by the endpoint), and records who released them in the log.
struct ReleaseHeldReminders: Sendable {
    /// How releasing the held reminders ended.
    struct Released: Sendable, Codable {
        /// Held reminders released.
        var released: Int
        /// Of those, the ones sent: the rest no longer applied (renewed, left, or no phone).
        var sent: Int
    }

    let store: ServiceStore
    let expiry: ResidenceExpiry
    let logger: Logger
    let clock: WallClock

    func callAsFunction(by claims: StaffClaims) async throws -> Released {
        let expiry = expiry
        var total = Released(released: 0, sent: 0)
        while true {
            let now = clock.preciseNow()
            let batch = try await store.database.write { db in
                try expiry.releaseHeld(at: now, limit: ResidencePass.batch, in: db)
            }
            guard batch.taken > 0 else { break }
            total.released += batch.taken
            total.sent += batch.sent
        }
        logger.notice("held residence reminders released", metadata: [
            "staff_id": "\(claims.staffId)", "released": "\(total.released)", "reminders_sent": "\(total.sent)",
        ])
        return total
    }
}
