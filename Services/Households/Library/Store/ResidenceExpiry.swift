import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// The daily residence-confirmation pass: expired confirmations stop counting (each affected
/// dossier is recounted, and crm hears of the change), and the main household is reminded by
/// SMS once when a confirmation comes within ``warningDays`` of its end and once when it ends.
///
/// The pass runs in short transactions (``ResidencePass/batch`` rows each), so on a
/// corporation's store it never holds up the service's readers or other writers — an
/// officer's registration, a re-pricing list — for more than a fraction of a second.
///
/// Reminders are recorded per household, threshold and end day before they are sent, in the
/// transaction that sends them, so a pass run twice (a restart, a second replica) never reminds twice;
/// a renewed confirmation (a new end day) is reminded afresh. A dossier without a phone is
/// recorded as not reminded and listed for the branch to call.
///
/// A pass that would text more than ``holdAbove`` main households — the first one after a
/// dossier import finds every old confirmation due at once — sends none of them: they are
/// recorded as held (`held_at`) until a households officer releases them (``releaseHeld(at:limit:in:)``),
/// so tens of thousands of customers are never texted because of a data load nobody reviewed.
public struct ResidenceExpiry: Sendable {
    static let warningDays = 30

    /// What one pass did.
    public struct Pass: Sendable, Codable {
        public var day: CalendarDay
        /// Dossiers whose count fell because a confirmation expired.
        public var recounted: Int
        public var remindersSent: Int
        /// Reminders due to dossiers without a contact phone.
        public var remindersWithoutPhone: Int
        /// Reminders held for a households officer to release: more were due than the pass may send at once.
        public var remindersHeld: Int

        /// Adds what one batch of the pass did.
        mutating func add(_ batch: Pass) {
            recounted += batch.recounted
            remindersSent += batch.remindersSent
            remindersWithoutPhone += batch.remindersWithoutPhone
            remindersHeld += batch.remindersHeld
        }
    }

    /// The reminders held back and not yet released.
    struct HeldReminders: Sendable, Codable, Equatable {
        var held: Int
        /// When the earliest of them was held; `nil` when none is.
        var heldSince: Date?
    }

    let counter: HouseholdCounter
    let messages: HouseholdsMessages
    let sealing: MemberSealing
    /// The most main households one pass texts (`REMINDER_HOLD_ABOVE`).
    let holdAbove: Int

    /// How many reminders due on `today` would be texted (their dossier has a phone): what
    /// decides whether the pass holds them.
    func dueWithPhone(today: CalendarDay, in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE \(Self.dueCondition) AND d.contact_phone_sealed IS NOT NULL
            """), arguments: Self.dueArguments(today))!
    }

    /// A place in the expiry index's order (a confirmation's end day, then the member), where a
    /// batch of the pass stopped. The batches walk the index from there, so a pass reads each
    /// confirmation once however many batches it takes. Starting every batch from the front, as
    /// the pass once did, re-read and sorted everything handled so far; on a corporation's store
    /// with every confirmation ended at once, that pass took 12 minutes.
    struct ExpiryPosition: Sendable {
        var validUntil = ""
        var memberId: Int64 = 0

        init() {}

        init(_ row: Row) {
            validUntil = row["confirmation_valid_until"]
            memberId = row["member_id"]
        }
    }

    /// Reminds (or, when `hold`, holds) up to `limit` of the reminders due on `today` after
    /// `after`, soonest end first. Each is recorded as it is handled, so a pass run again finds
    /// only those it has not handled.
    ///
    /// - Returns: what this batch did (`recounted` is 0), how many reminders it took (fewer than
    ///   `limit`: none is left), and where it stopped.
    func remindDue(today: CalendarDay, at now: Date, hold: Bool, after: ExpiryPosition, limit: Int,
                   in db: Database) throws -> (Pass, taken: Int, next: ExpiryPosition) {
        var pass = Pass(day: today, recounted: 0, remindersSent: 0, remindersWithoutPhone: 0, remindersHeld: 0)
        let due = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.member_id, m.confirmation_valid_until, d.unit, d.customer_code, d.contact_phone_sealed
            FROM households_members m INDEXED BY households_members_expiry
            JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE \(Self.dueCondition) AND (m.confirmation_valid_until, m.member_id) > (?, ?)
            ORDER BY m.confirmation_valid_until, m.member_id LIMIT ?
            """), arguments: Self.dueArguments(today) + [after.validUntil, after.memberId, limit])
        for row in due {
            let validUntil = CalendarDay(row["confirmation_valid_until"] as String)!
            let reminder = DueReminder(memberId: row["member_id"], threshold: validUntil < today ? .expired : .expiringSoon,
                                       validUntil: validUntil, unit: row["unit"], customerCode: row["customer_code"])
            // The phone is opened only for a text that goes out now; a held one is opened at release.
            let sealedPhone = row["contact_phone_sealed"] as Data?
            try ReminderRow(memberId: reminder.memberId, threshold: reminder.threshold.rawValue,
                            validUntil: validUntil.description, remindedAt: now, sent: sealedPhone != nil && !hold,
                            heldAt: sealedPhone != nil && hold ? now : nil).insertRow(into: db)
            guard let sealedPhone else {
                pass.remindersWithoutPhone += 1
                continue
            }
            if hold {
                pass.remindersHeld += 1
            } else {
                try send(reminder, to: try sealing.personalData.open(sealedPhone), at: now, in: db)
                pass.remindersSent += 1
            }
        }
        return (pass, due.count, due.last.map(ExpiryPosition.init) ?? after)
    }

    /// A current household's confirmation ends within the warning period (or ended), and the
    /// main household has not been reminded of this threshold and end day.
    private static let dueCondition = """
        m.left_at IS NULL AND m.confirmation_valid_until IS NOT NULL AND m.confirmation_valid_until <= ?
            AND NOT EXISTS (SELECT 1 FROM households_reminders r WHERE r.member_id = m.member_id
                AND r.valid_until = m.confirmation_valid_until
                AND r.threshold = CASE WHEN m.confirmation_valid_until < ? THEN 'expired' ELSE 'expiring_soon' END)
        """

    private static func dueArguments(_ today: CalendarDay) -> StatementArguments {
        [today.adding(days: warningDays).description, today.description]
    }

    /// How many reminders wait for release, and since when.
    func held(in db: Database) throws -> HeldReminders {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) AS held, MIN(held_at) AS since FROM households_reminders WHERE held_at IS NOT NULL
            """))!
        return HeldReminders(held: row["held"], heldSince: (row["since"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    /// Sends up to `limit` held reminders and marks them released; returns how many it took
    /// (`0`: none is left). A reminder whose confirmation was renewed or whose household left
    /// since it was held is released without a text, and one whose dossier lost its phone
    /// is recorded as not reminded, as the pass would have.
    func releaseHeld(at now: Date, limit: Int, in db: Database) throws -> (taken: Int, sent: Int) {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.member_id, r.threshold, r.valid_until, d.unit, d.customer_code, d.contact_phone_sealed,
                m.left_at IS NULL AND m.confirmation_valid_until = r.valid_until AS current
            FROM households_reminders r INDEXED BY households_reminders_held
            JOIN households_members m ON m.member_id = r.member_id
            JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE r.held_at IS NOT NULL
            LIMIT ?
            """), arguments: [limit])
        var sent = 0
        for row in rows {
            let reminder = DueReminder(memberId: row["member_id"],
                                       threshold: SendResidenceReminder.Threshold(rawValue: row["threshold"])!,
                                       validUntil: CalendarDay(row["valid_until"] as String)!, unit: row["unit"],
                                       customerCode: row["customer_code"])
            let phone = try (row["contact_phone_sealed"] as Data?).map { try sealing.personalData.open($0) }
            let sending = row["current"] as Bool && phone != nil
            try db.cachedStatement(sql: """
                UPDATE households_reminders SET held_at = NULL, sent = ?, reminded_at = ?
                WHERE member_id = ? AND threshold = ? AND valid_until = ?
                """).execute(arguments: [sending, now.timeIntervalSince1970, reminder.memberId, reminder.threshold.rawValue,
                                         reminder.validUntil.description])
            if sending, let phone {
                try send(reminder, to: phone, at: now, in: db)
                sent += 1
            }
        }
        return (rows.count, sent)
    }

    /// Commands notification to text `reminder` to the main household's `phone`.
    private func send(_ reminder: DueReminder, to phone: String, at now: Date, in db: Database) throws {
        let command = SendResidenceReminder(
            reminderId: "\(reminder.reference)-\(reminder.threshold.rawValue)-\(reminder.validUntil)",
            customerCode: reminder.customerCode, unit: reminder.unit, phone: phone, threshold: reminder.threshold,
            validUntil: CalendarDate(reminder.validUntil.description)!, issuedAt: now)
        try messages.send(command, customerCode: reminder.customerCode, cause: nil, at: now, in: db)
    }

    /// Up to `limit` dossiers after `afterDossier`, in dossier order, with a current member whose
    /// confirmation ended before `today` but still counts: read outside the write transaction
    /// that recounts them, as the walk may read every member of the store to find them.
    ///
    /// Dossier order keeps the recounts of one batch on neighbouring pages: taken in expiry
    /// order, each of them rewrote a page of its own.
    func lapsedDossiers(today: CalendarDay, after afterDossier: String, limit: Int, in db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT dossier_id FROM households_members INDEXED BY households_members_dossier
            WHERE dossier_id > ? AND left_at IS NULL AND confirmation_valid_until IS NOT NULL
                AND confirmation_valid_until < ? AND counting = 1
            ORDER BY dossier_id LIMIT ?
            """), arguments: [afterDossier, today.description, limit])
    }

    /// Recounts `dossiers` (from ``lapsedDossiers(today:after:limit:in:)``); each recount reads the
    /// dossier's members anew, so one that changed since it was listed is counted as it is now.
    func recountLapsed(_ dossiers: [String], today: CalendarDay, at now: Date, in db: Database) throws {
        for dossierId in dossiers {
            try counter.recount(dossierId: dossierId, reason: .confirmationExpired, at: now, today: today, in: db)
        }
    }

    /// The confirmations of `unit` (every unit when `nil`) expiring within the warning period or
    /// expired, soonest first (then by household); only those of `page` when one is asked for,
    /// its `after` a household's `SH-<n>`.
    func list(unit: String?, today: CalendarDay, page: ListPage? = nil, in db: Database) throws -> ExpiryList {
        var query = ListQuery(unit: unit, unitColumn: "d.unit", page: page,
                              arguments: ["until": today.adding(days: Self.warningDays).description])
        if let after = page?.after.flatMap(SubHouseholdReference.init) {
            query.add("""
                AND (m.confirmation_valid_until, m.member_id) >
                    ((SELECT confirmation_valid_until FROM households_members WHERE member_id = :after), :after)
                """, "after", after.memberId)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.member_id, m.name_sealed, m.id_masked, m.confirmation_valid_until, d.dossier_id, d.unit, d.customer_code,
                d.contact_phone_masked, (SELECT MAX(r.reminded_at) FROM households_reminders r WHERE r.member_id = m.member_id
                    AND r.valid_until = m.confirmation_valid_until AND r.sent = 1) AS reminded_at
            FROM households_members m INDEXED BY households_members_expiry
            JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.left_at IS NULL AND m.confirmation_valid_until IS NOT NULL AND m.confirmation_valid_until <= :until
                \(query.conditions)
            ORDER BY m.confirmation_valid_until, m.member_id
            \(query.limit)
            """, arguments: query.arguments)
        var list = ExpiryList(day: today, unit: unit, expiringSoon: [], expired: [])
        var items: [ExpiryItem] = []
        for row in rows {
            let item = ExpiryItem(
                dossierId: row["dossier_id"], unit: row["unit"], customerCode: row["customer_code"],
                subHouseholdId: SubHouseholdReference(memberId: row["member_id"]).description,
                fullName: try sealing.personalData.open(row["name_sealed"]), maskedIdNumber: row["id_masked"],
                validUntil: CalendarDay(row["confirmation_valid_until"] as String)!,
                remindedAt: (row["reminded_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                maskedContactPhone: row["contact_phone_masked"])
            items.append(item)
            if item.validUntil < today { list.expired.append(item) } else { list.expiringSoon.append(item) }
        }
        list.next = page?.next(items, key: \.subHouseholdId)
        return list
    }
}

/// One reminder a pass found due, or a held one being released.
private struct DueReminder {
    var memberId: Int64
    var threshold: SendResidenceReminder.Threshold
    var validUntil: CalendarDay
    var unit: String
    var customerCode: String

    var reference: SubHouseholdReference { SubHouseholdReference(memberId: memberId) }
}
