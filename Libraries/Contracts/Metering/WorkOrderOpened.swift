import Foundation

/// metering opened an installation work order and reserved a meter for it (flow step 5).
public struct WorkOrderOpened: MessageContract {
    public static let routingKey = "metering.work-order.opened"
    public static let version = 1
    public static let kind = MessageKind.event

    public var workOrderId: String
    public var requestCode: String
    public var branchCode: String
    /// The verified meter taken from stock for this order.
    public var meterSerial: String
    public var openedAt: Date

    public init(workOrderId: String, requestCode: String, branchCode: String, meterSerial: String, openedAt: Date) {
        self.workOrderId = workOrderId
        self.requestCode = requestCode
        self.branchCode = branchCode
        self.meterSerial = meterSerial
        self.openedAt = openedAt
    }
}
