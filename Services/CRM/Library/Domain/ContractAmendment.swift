import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// A contract-amendment ticket: the number of households sharing a meter changed (households'
/// `households.count.changed`), so the branch amends the electricity purchase contract, whose
/// household count multiplies every tier bound of the bill. One ticket per change.
///
/// Kept apart from ``Ticket``: it has no request, applicant, site or survey, only the change;
/// what both kinds share (limit, due date, SLA verdict) is counted by ``ServiceTimePolicy``.
struct ContractAmendment: Sendable {
    var ticketId: String
    /// households' id of the change: one ticket per change however often it is delivered.
    var changeId: String
    var dossierId: String
    /// The branch keeping the dossier, which owns the ticket.
    var unit: String
    var customerCode: String
    /// The contract to amend, when the dossier came from a contract crm signed.
    var contractNumber: String?
    var previousCount: HouseholdQuarters
    var newCount: HouseholdQuarters
    var reason: HouseholdCountChanged.Reason
    /// The day the new count holds from.
    var effectiveOn: CalendarDate
    /// When households changed the count.
    var changedAt: Date
    /// The change's flow id, carried to every log line of the ticket.
    var correlationId: String
    /// The day households changed the count: day 0 of the SLA count.
    var receivedOn: CalendarDay
    var openedAt: Date
    var status: TicketStatus
    var slaLimit: Int
    var dueDate: CalendarDay
    var closure: Closure?

    /// Staff recorded the amendment, which closed the ticket.
    struct Closure: Sendable {
        var staffId: String
        var note: String?
        /// Whether crm held the contract and changed its household count (it does not when the
        /// contract is not crm's, or a later change already amended it).
        var contractUpdated: Bool
        var verdict: SLAVerdict
        var closedAt: Date
    }

    /// `CRM-AM-<unit>-<NNNNNN>`, numbered per unit: unlike a new connection's ticket, an
    /// amendment has no request code to be named after.
    static func ticketId(unit: String, sequence: Int) -> String {
        "CRM-AM-\(unit)-\(String(format: "%06d", sequence))"
    }

    /// The steps of the ticket, oldest first, derived from its columns since each happens once.
    var timeline: [TimelineEntry] {
        var entries = [TimelineEntry(.householdCountChanged, at: changedAt), TimelineEntry(.ticketOpened, at: openedAt)]
        if let closure {
            entries.append(TimelineEntry(.contractAmended, at: closure.closedAt))
            entries.append(TimelineEntry(.ticketClosed, at: closure.closedAt))
        }
        return entries
    }
}

extension ContractAmendment: FetchableRecord {
    init(row: Row) throws {
        ticketId = row["ticket_id"]
        changeId = row["change_id"]
        dossierId = row["dossier_id"]
        unit = row["unit"]
        customerCode = row["customer_code"]
        contractNumber = row["contract_number"]
        previousCount = try Self.count(row["previous_quarters"])
        newCount = try Self.count(row["new_quarters"])
        reason = try StoredColumn.decode(HouseholdCountChanged.Reason.self, row["reason"])
        effectiveOn = try StoredColumn.day(row["effective_on"]).calendarDate
        changedAt = Date(timeIntervalSince1970: row["changed_at"])
        correlationId = row["correlation_id"]
        receivedOn = try StoredColumn.day(row["received_on"])
        openedAt = Date(timeIntervalSince1970: row["opened_at"])
        status = try StoredColumn.decode(TicketStatus.self, row["status"])
        slaLimit = row["sla_limit"]
        dueDate = try StoredColumn.day(row["due_date"])
        if let closedAt: Double = row["closed_at"] {
            closure = Closure(
                staffId: row["staff_id"], note: row["note"], contractUpdated: row["contract_updated"],
                verdict: SLAVerdict(workingDaysTaken: row["working_days_taken"],
                                    outcome: try StoredColumn.decode(TicketClosed.SLAOutcome.self, row["sla_outcome"])),
                closedAt: Date(timeIntervalSince1970: closedAt))
        }
    }

    private static func count(_ quarters: Int) throws -> HouseholdQuarters {
        guard let count = HouseholdQuarters(validating: quarters) else {
            throw CorruptTicket(column: "quarters", value: "\(quarters)")
        }
        return count
    }
}
