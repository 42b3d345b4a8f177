import Foundation

/// metering opened an installation work order and reserved a meter for it (flow step 5).
public struct WorkOrderOpened: MessageContract {
    public static let routingKey = "metering.work-order.opened"
    public static let version = 1
    public static let kind = MessageKind.event

    public var workOrderId: String
    public var requestCode: String
    /// The order's request kind, as crm's `metering.install-meter` named it: crm hands the event
    /// to a connection's or a service request's ticket by it. Absent from messages published
    /// before the field was added, and for an order whose command named none.
    public var requestKind: RequestKind?
    public var branchCode: String
    /// The verified meter taken from stock for this order.
    public var meterSerial: String
    public var openedAt: Date

    public init(
        workOrderId: String, requestCode: String, requestKind: RequestKind?, branchCode: String, meterSerial: String,
        openedAt: Date
    ) {
        self.workOrderId = workOrderId
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.branchCode = branchCode
        self.meterSerial = meterSerial
        self.openedAt = openedAt
    }
}
