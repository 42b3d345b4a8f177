import Foundation
import GRDB
import Messaging

/// A meter as `metering_meters` keeps it when the branch receives it: in stock, its
/// verification's days as `YYYY-MM-DD`. Reserving and installing change the row later, column
/// by column (``MeterShelf``).
struct MeterRow: SnakeCaseRecord {
    static let databaseTableName = "metering_meters"

    var serial: String
    var branchCode: String
    var phase: Int
    var verifiedOn: String
    var validUntil: String
    var status: String
    var receivedAt: Date
    /// The storekeeper who received it.
    var receivedBy: String

    init(_ meter: ReceivedMeter, by staffId: String, at receivedAt: Date) {
        serial = meter.serial
        branchCode = meter.branchCode
        phase = meter.phase.rawValue
        verifiedOn = meter.verification.verifiedOn.description
        validUntil = meter.verification.validUntil.description
        status = MeterStatus.inStock.rawValue
        self.receivedAt = receivedAt
        receivedBy = staffId
    }
}
