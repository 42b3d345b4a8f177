import Contracts
import Foundation
import GRDB
import Messaging

/// A meter visit as `metering_visits` keeps it when it opens; recording the result changes the
/// row later, column by column (``VisitDesk``), and ``MeterVisit`` reads it.
struct VisitRow: SnakeCaseRecord {
    static let databaseTableName = "metering_visits"

    var visitId: String
    var requestCode: String
    var branchCode: String
    var sequence: Int
    var customerCode: String
    var purpose: String
    var status: String
    /// The meter metering knows for the customer code, if it knows one.
    var meterSerial: String?
    /// The `metering.visit-meter` message: the cause of the visit's event, and its trace.
    var commandMessageId: String
    var traceparent: String?
    var requestedAt: Date

    init(_ command: VisitMeter, id: String, sequence: Int, meterSerial: String?, message: Envelope, at requestedAt: Date) {
        visitId = id
        requestCode = command.requestCode
        branchCode = command.branchCode
        self.sequence = sequence
        customerCode = command.customerCode
        purpose = command.purpose.rawValue
        status = MeterVisit.Status.open.rawValue
        self.meterSerial = meterSerial
        commandMessageId = message.messageId
        traceparent = message.traceparent
        self.requestedAt = requestedAt
    }
}
