import Foundation
import GRDB
import WorkingCalendar

/// A meter of a branch's stock as `GET /api/v1/meters` shows it.
struct StockedMeter: Sendable, Encodable {
    var serial: String
    var branchCode: String
    var phase: Int
    var verifiedOn: String
    var verificationValidUntil: String
    var status: MeterStatus
    /// Whether the verification certificate covers today (in Vietnam).
    var verificationValid: Bool
    /// The work order the meter is reserved for or installed by.
    var workOrderId: String?

    init(row: Row, today: CalendarDay) {
        let verifiedOn: String = row["verified_on"]
        let validUntil: String = row["valid_until"]
        serial = row["serial"]
        branchCode = row["branch_code"]
        phase = row["phase"]
        self.verifiedOn = verifiedOn
        verificationValidUntil = validUntil
        status = MeterStatus(rawValue: row["status"]) ?? .inStock
        if let from = CalendarDay(verifiedOn), let until = CalendarDay(validUntil) {
            verificationValid = Verification(verifiedOn: from, validUntil: until).isValid(on: today)
        } else {
            verificationValid = false
        }
        workOrderId = row["work_order_id"]
    }
}
