import Contracts
import Foundation
import GRDB
import Messaging

/// An installation work order as `metering_work_orders` keeps it when it opens, waiting for a
/// meter, with the split the command asks for, if any. Opening, completing and the API's
/// ``WorkOrder`` read and change the row later (``WorkOrderLedger``).
struct WorkOrderRow: SnakeCaseRecord {
    static let databaseTableName = "metering_work_orders"

    var workOrderId: String
    var requestCode: String
    var requestKind: String?
    var branchCode: String
    var sequence: Int
    var phase: Int
    var communeCode: String
    var status: String
    /// The `metering.install-meter` message: the cause of the order's events, and their trace.
    var commandMessageId: String
    var traceparent: String?
    var requestedAt: Date
    var splitSharedCustomerCode: String?
    var splitSubHouseholdId: String?
    var splitNewCustomerCode: String?

    init(_ command: InstallMeter, id: String, sequence: Int, message: Envelope, at requestedAt: Date) {
        workOrderId = id
        requestCode = command.requestCode
        requestKind = command.requestKind?.rawValue
        branchCode = command.branchCode
        self.sequence = sequence
        phase = command.phase.rawValue
        communeCode = command.site.communeCode
        status = WorkOrderStatus.awaitingMeter.rawValue
        commandMessageId = message.messageId
        traceparent = message.traceparent
        self.requestedAt = requestedAt
        splitSharedCustomerCode = command.split?.sharedCustomerCode
        splitSubHouseholdId = command.split?.subHouseholdId
        splitNewCustomerCode = command.split?.newCustomerCode
    }
}
