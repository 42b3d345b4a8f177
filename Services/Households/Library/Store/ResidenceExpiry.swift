import Contracts
import Foundation
import GRDB
import Logging
import WorkingCalendar

/// The daily residence-confirmation pass: expired confirmations stop counting (each affected
/// dossier is recounted, and crm hears of the change), and the main household is reminded by
/// SMS once when a confirmation comes within ``warningDays`` of its end and once when it ends.
///
/// Reminders are recorded per household, threshold and end day before they are sent, in the
/// pass's transaction, so a pass run twice (a restart, a second replica) never reminds twice;
/// a renewed confirmation (a new end day) is reminded afresh. A dossier without a phone is
/// recorded as not reminded and listed for the branch to call.
struct ResidenceExpiry: Sendable {
    static let warningDays = 30

    /// What one pass did.
    struct Pass: Sendable, Codable {
        var day: CalendarDay
        /// Dossiers whose count fell because a confirmation expired.
        var recounted: Int
        var remindersSent: Int
        /// Reminders due to dossiers without a contact phone.
        var remindersWithoutPhone: Int
    }

    let counter: HouseholdCounter
    let messages: HouseholdsMessages
    let sealing: MemberSealing
    let logger: Logger

    /// Runs the pass for `today`.
    func run(today: CalendarDay, at now: Date, in db: Database) throws -> Pass {
        var pass = Pass(day: today, recounted: try recountLapsed(today: today, at: now, in: db), remindersSent: 0,
                        remindersWithoutPhone: 0)
        let due = try Row.fetchAll(db, sql: """
            SELECT m.member_id, m.confirmation_valid_until, d.unit, d.customer_code, d.contact_phone_sealed
            FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.left_at IS NULL AND m.confirmation_valid_until IS NOT NULL AND m.confirmation_valid_until <= ?
                AND NOT EXISTS (SELECT 1 FROM households_reminders r WHERE r.member_id = m.member_id
                    AND r.valid_until = m.confirmation_valid_until
                    AND r.threshold = CASE WHEN m.confirmation_valid_until < ? THEN 'expired' ELSE 'expiring_soon' END)
            """, arguments: [today.adding(days: Self.warningDays).description, today.description])
        for row in due {
            let memberId: Int64 = row["member_id"]
            let validUntil = CalendarDay(row["confirmation_valid_until"] as String)!
            let threshold: SendResidenceReminder.Threshold = validUntil < today ? .expired : .expiringSoon
            let phone = try (row["contact_phone_sealed"] as Data?).map { try sealing.personalData.open($0) }
            try db.execute(sql: """
                INSERT INTO households_reminders (member_id, threshold, valid_until, reminded_at, sent) VALUES (?, ?, ?, ?, ?)
                """, arguments: [memberId, threshold.rawValue, validUntil.description, now.timeIntervalSince1970, phone != nil])
            let customerCode: String = row["customer_code"]
            let reference = SubHouseholdReference(memberId: memberId).description
            guard let phone else {
                pass.remindersWithoutPhone += 1
                logger.info("residence reminder due, no phone on the dossier", metadata: [
                    "customer_code": "\(customerCode)", "sub_household_id": "\(reference)", "threshold": "\(threshold.rawValue)",
                ])
                continue
            }
            let reminder = SendResidenceReminder(
                reminderId: "\(reference)-\(threshold.rawValue)-\(validUntil)", customerCode: customerCode,
                unit: row["unit"], phone: phone, threshold: threshold, validUntil: CalendarDate(validUntil.description)!,
                issuedAt: now)
            try messages.send(reminder, customerCode: customerCode, cause: nil, at: now, in: db)
            pass.remindersSent += 1
        }
        return pass
    }

    /// Recounts the dossiers with a confirmation that ended before `today` but still counted;
    /// returns how many. Also run before a re-pricing list, so the list is true today.
    func recountLapsed(today: CalendarDay, at now: Date, in db: Database) throws -> Int {
        let lapsed = try String.fetchAll(db, sql: """
            SELECT DISTINCT dossier_id FROM households_members INDEXED BY households_members_expiry
            WHERE left_at IS NULL AND confirmation_valid_until IS NOT NULL AND confirmation_valid_until < ? AND counting = 1
            """, arguments: [today.description])
        for dossierId in lapsed {
            try counter.recount(dossierId: dossierId, reason: .confirmationExpired, at: now, today: today, in: db)
        }
        return lapsed.count
    }

    /// The confirmations of `unit` (every unit when `nil`) expiring within the warning period or expired, soonest first.
    func list(unit: String?, today: CalendarDay, in db: Database) throws -> ExpiryList {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.member_id, m.name_sealed, m.id_masked, m.confirmation_valid_until, d.dossier_id, d.unit, d.customer_code,
                (SELECT MAX(r.reminded_at) FROM households_reminders r WHERE r.member_id = m.member_id
                    AND r.valid_until = m.confirmation_valid_until AND r.sent = 1) AS reminded_at
            FROM households_members m INDEXED BY households_members_expiry
            JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.left_at IS NULL AND m.confirmation_valid_until IS NOT NULL AND m.confirmation_valid_until <= ?
                \(unit == nil ? "" : "AND d.unit = ?")
            ORDER BY m.confirmation_valid_until, d.customer_code
            """, arguments: StatementArguments([today.adding(days: Self.warningDays).description] + (unit.map { [$0] } ?? [])))
        var list = ExpiryList(day: today, unit: unit, expiringSoon: [], expired: [])
        for row in rows {
            let item = ExpiryItem(
                dossierId: row["dossier_id"], unit: row["unit"], customerCode: row["customer_code"],
                subHouseholdId: SubHouseholdReference(memberId: row["member_id"]).description,
                fullName: try sealing.personalData.open(row["name_sealed"]), maskedIdNumber: row["id_masked"],
                validUntil: CalendarDay(row["confirmation_valid_until"] as String)!,
                remindedAt: (row["reminded_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
            if item.validUntil < today { list.expired.append(item) } else { list.expiringSoon.append(item) }
        }
        return list
    }
}
