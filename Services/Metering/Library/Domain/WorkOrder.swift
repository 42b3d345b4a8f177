import Contracts
import Foundation
import GRDB
import Messaging

/// An installation work order as stored, and as field staff see it in `GET /api/v1/work-orders`.
struct WorkOrder: Sendable, FetchableRecord, Encodable {
    var workOrderId: String
    var requestCode: String
    /// The request's kind as the install-meter command named it, named again on the order's
    /// events; nil for an order whose command named none (one sent before the field existed).
    var requestKind: RequestKind?
    var branchCode: String
    var status: WorkOrderStatus
    var phase: Int
    var communeCode: String
    var meterSerial: String?
    var requestedAt: Date
    var openedAt: Date?
    var completedAt: Date?
    var readingRoute: String?
    var readingDay: Int?
    /// Who completed the order, what the meter read and the seals put on it: the technician's
    /// own record of the installation, shown on the order's page.
    var completedBy: String?
    var initialReadingKWh: Int?
    var sealNumbers: [String]
    /// The sub-household this meter splits off a shared meter, when the order was opened with one:
    /// its completion also announces `metering.meter.split`.
    var split: InstallMeter.Split?
    /// The field technician the branch head gave the order to; nil while nobody has it.
    var assignedTo: String?
    /// The `metering.install-meter` message that asked for the order: the cause of its events.
    var commandMessageId: String
    /// The trace the order's events continue.
    var traceparent: String?

    /// What the API shows: the order, not the messaging bookkeeping.
    enum CodingKeys: String, CodingKey {
        case workOrderId, requestCode, branchCode, status, phase, communeCode, meterSerial
        case requestedAt, openedAt, completedAt, readingRoute, readingDay, split, assignedTo
    }

    init(row: Row) throws {
        workOrderId = row["work_order_id"]
        requestCode = row["request_code"]
        requestKind = (row["request_kind"] as String?).flatMap(RequestKind.init(rawValue:))
        branchCode = row["branch_code"]
        status = WorkOrderStatus(rawValue: row["status"]) ?? .awaitingMeter
        phase = row["phase"]
        communeCode = row["commune_code"]
        meterSerial = row["meter_serial"]
        requestedAt = Date(timeIntervalSince1970: row["requested_at"])
        openedAt = (row["opened_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        completedAt = (row["completed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        readingRoute = row["reading_route"]
        readingDay = row["reading_day"]
        completedBy = row["completed_by"]
        initialReadingKWh = row["initial_reading_kwh"]
        sealNumbers = (row["seal_numbers"] as String?)
            .flatMap { try? JSONCoding.decoder.decode([String].self, from: Data($0.utf8)) } ?? []
        if let shared: String = row["split_shared_customer_code"] {
            split = InstallMeter.Split(sharedCustomerCode: shared, subHouseholdId: row["split_sub_household_id"],
                                       newCustomerCode: row["split_new_customer_code"])
        }
        assignedTo = row["assigned_to"]
        commandMessageId = row["command_message_id"]
        traceparent = row["traceparent"]
    }
}
