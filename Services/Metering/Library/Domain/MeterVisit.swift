import Contracts
import Foundation
import GRDB

/// A visit field staff make to a customer's meter (`metering.visit-meter`), as stored and as
/// they see it in `GET /api/v1/meter-visits`.
struct MeterVisit: Sendable, FetchableRecord, Encodable {
    enum Status: String, Codable, Sendable {
        case open
        case done
    }

    var visitId: String
    var requestCode: String
    var branchCode: String
    var customerCode: String
    var purpose: VisitMeter.Purpose
    var status: Status
    /// The meter metering knows for the customer code; staff give it when it is not known.
    var meterSerial: String?
    var requestedAt: Date
    var readingKWh: Int?
    var check: MeterVisited.Check?
    var findings: String?
    var visitedAt: Date?
    /// The field technician the branch head gave the visit to; nil while nobody has it.
    var assignedTo: String?
    /// The `metering.visit-meter` message: the cause of the visit's event.
    var commandMessageId: String
    var traceparent: String?

    enum CodingKeys: String, CodingKey {
        case visitId, requestCode, branchCode, customerCode, purpose, status, meterSerial, requestedAt, readingKWh
        case check, findings, visitedAt, assignedTo
    }

    /// The id's prefix names the purpose as staff say it: KT (kiểm tra), KD (kiểm định),
    /// KDĐL (kiểm định độc lập), CS (chốt chỉ số).
    static func visitId(purpose: VisitMeter.Purpose, branchCode: String, sequence: Int) -> String {
        let prefix = switch purpose {
        case .inspection: "KT"
        case .verification: "KD"
        case .independentVerification: "KDDL"
        case .finalReading: "CS"
        }
        return "\(prefix)-\(branchCode)-\(String(format: "%06d", sequence))"
    }

    init(row: Row) throws {
        visitId = row["visit_id"]
        requestCode = row["request_code"]
        branchCode = row["branch_code"]
        customerCode = row["customer_code"]
        purpose = VisitMeter.Purpose(rawValue: row["purpose"]) ?? .inspection
        status = Status(rawValue: row["status"]) ?? .open
        meterSerial = row["meter_serial"]
        requestedAt = Date(timeIntervalSince1970: row["requested_at"])
        readingKWh = row["reading_kwh"]
        if let error: Double = row["measured_error_percent"], let accuracyClass: Double = row["accuracy_class"] {
            check = MeterVisited.Check(measuredErrorPercent: error, accuracyClass: accuracyClass,
                                       accurate: row["accurate"], feeVND: row["fee_vnd"] ?? 0)
        }
        findings = row["findings"]
        visitedAt = (row["visited_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        assignedTo = row["assigned_to"]
        commandMessageId = row["command_message_id"]
        traceparent = row["traceparent"]
    }
}
