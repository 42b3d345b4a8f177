import Foundation
import Logging
import ServiceKit
import WorkingCalendar

/// The daily residence pass: recount what lapsed, remind each main household once per
/// threshold — or hold the reminders, when more are due than ``ResidenceExpiry/holdAbove``.
/// Run by the service's schedule, by `households residence-pass` and by corporation staff.
public struct ResidencePass: Sendable {
    /// Rows the pass handles per transaction: each commits in a fraction of a second, so readers
    /// and the service's other writers never wait longer, however large the store.
    static let batch = 2_000

    let store: ServiceStore
    let pageCache: BatchJobPageCache
    let expiry: ResidenceExpiry
    let logger: Logger
    let clock: WallClock

    /// The pass of today, by the program's clock.
    public func callAsFunction() async throws -> ResidenceExpiry.Pass {
        try await callAsFunction(at: clock.preciseNow())
    }

    func callAsFunction(at now: Date) async throws -> ResidenceExpiry.Pass {
        try await pageCache.run { try await pass(at: now) }
    }

    private func pass(at now: Date) async throws -> ResidenceExpiry.Pass {
        let expiry = expiry
        let today = CalendarDay(now)
        var pass = ResidenceExpiry.Pass(day: today, recounted: try await recountLapsed(today: today, at: now),
                                        remindersSent: 0, remindersWithoutPhone: 0, remindersHeld: 0)
        let hold = try await store.database.read { db in try expiry.dueWithPhone(today: today, in: db) } > expiry.holdAbove
        var after = ResidenceExpiry.ExpiryPosition()
        while true {
            let (batch, taken, next) = try await store.database.write { [after] db in
                try expiry.remindDue(today: today, at: now, hold: hold, after: after, limit: Self.batch, in: db)
            }
            pass.add(batch)
            if taken < Self.batch { break }
            after = next
        }
        logger.info("residence pass done", metadata: [
            "day": "\(pass.day)", "recounted": "\(pass.recounted)", "reminders_sent": "\(pass.remindersSent)",
            "reminders_held": "\(pass.remindersHeld)", "reminders_without_phone": "\(pass.remindersWithoutPhone)",
        ])
        if pass.remindersHeld > 0 {
            logger.warning("residence reminders held for a households officer to release", metadata: [
                "reminders_held": "\(pass.remindersHeld)", "hold_above": "\(expiry.holdAbove)",
            ])
        }
        return pass
    }

    /// Recounts every dossier with a confirmation that lapsed before `today` and still counts,
    /// ``batch`` dossiers a transaction; returns how many.
    private func recountLapsed(today: CalendarDay, at now: Date) async throws -> Int {
        let expiry = expiry
        var after = ""
        var recounted = 0
        while true {
            let lapsed = try await store.database.read { [after] db in
                try expiry.lapsedDossiers(today: today, after: after, limit: Self.batch, in: db)
            }
            guard let last = lapsed.last else { return recounted }
            try await store.database.write { db in try expiry.recountLapsed(lapsed, today: today, at: now, in: db) }
            recounted += lapsed.count
            if lapsed.count < Self.batch { return recounted }
            after = last
        }
    }
}
