import Contracts
import Foundation
import GRDB
import Messaging
import WorkingCalendar

/// Keeps each dossier's count (`effective_quarters`) and its members' `counting` flags true to
/// ``HouseholdCountRule`` on a given day, and announces every change of an established count.
///
/// Called in the transaction of whatever may move the count (a sub-household registered,
/// updated, ended or split off, a dossier closed, the daily expiry pass), so the count, the
/// change's record and `households.count.changed` commit together or not at all.
struct HouseholdCounter: Sendable {
    let messages: HouseholdsMessages

    /// Recounts `dossierId` on `today`.
    ///
    /// - Parameters:
    ///   - announce: whether a changed count is recorded and sent to crm; `false` only for a
    ///     dossier being created, whose first count is no change.
    ///   - cause: the incoming message that caused the recount, if any.
    ///   - requestCode: the customer's request that moved the count: the change carries it, and
    ///     is announced even when the count stays (crm waits for it to close the request).
    /// - Returns: the count now.
    @discardableResult
    func recount(dossierId: String, reason: HouseholdCountChanged.Reason, at now: Date, today: CalendarDay,
                 announce: Bool = true, cause: Envelope? = nil, requestCode: String? = nil,
                 in db: Database) throws -> HouseholdQuarters {
        guard let dossier = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT unit, customer_code, contract_number, status, effective_quarters FROM households_dossiers WHERE dossier_id = ?
            """), arguments: [dossierId]) else { return HouseholdQuarters(quarters: 0) }
        let previous: Int = dossier["effective_quarters"]
        var total = 0
        if dossier["status"] == DossierStatus.active.rawValue {
            total = 4
            let members = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT member_id, persons, confirmation_valid_until, counting FROM households_members
                WHERE dossier_id = ? AND role = 'sub' AND left_at IS NULL
                """), arguments: [dossierId])
            for member in members {
                let share = HouseholdCountRule.Share(
                    persons: member["persons"], validUntil: (member["confirmation_valid_until"] as String?).flatMap(CalendarDay.init))
                let quarters = share.quarters(on: today)
                total += quarters
                if (quarters > 0) != member["counting"] {
                    try db.cachedStatement(sql: "UPDATE households_members SET counting = ? WHERE member_id = ?")
                        .execute(arguments: [quarters > 0, member["member_id"] as Int64])
                }
            }
        }
        guard total != previous || requestCode != nil else { return HouseholdQuarters(quarters: total) }
        try db.cachedStatement(sql: "UPDATE households_dossiers SET effective_quarters = ?, quarters_since = ? WHERE dossier_id = ?")
            .execute(arguments: [total, now.timeIntervalSince1970, dossierId])
        if announce {
            let change = HouseholdCountChanged(
                changeId: UUID.timeOrdered().uuidString.lowercased(), dossierId: dossierId, unit: dossier["unit"],
                customerCode: dossier["customer_code"], contractNumber: dossier["contract_number"],
                previousQuarters: previous, newQuarters: total, reason: reason,
                effectiveOn: CalendarDate(today.description)!, changedAt: now, requestCode: requestCode)
            try HouseholdCountChangeRow(change, effectiveOn: today).insertRow(into: db)
            try messages.send(change, customerCode: change.customerCode, cause: cause, at: now, in: db)
        }
        return HouseholdQuarters(quarters: total)
    }
}
