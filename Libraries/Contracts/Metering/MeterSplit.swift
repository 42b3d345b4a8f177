import Foundation

/// Field staff installed a sub-household's own meter, splitting it off a shared meter.
///
/// households marks the sub-household split (it no longer counts on the shared meter) and
/// records its new customer code. Sent beside `metering.meter.installed` for the same work
/// order, only for work orders opened with ``InstallMeter/split``. No personal data.
public struct MeterSplit: MessageContract {
    public static let routingKey = "metering.meter.split"
    public static let version = 1
    public static let kind = MessageKind.event

    public var workOrderId: String
    public var requestCode: String
    /// The shared meter's customer code.
    public var sharedCustomerCode: String
    /// households' reference of the sub-household that moved to its own meter.
    public var subHouseholdId: String
    /// The customer code of the sub-household's own contract.
    public var newCustomerCode: String
    public var newMeterSerial: String
    public var splitAt: Date

    public init(
        workOrderId: String, requestCode: String, sharedCustomerCode: String, subHouseholdId: String,
        newCustomerCode: String, newMeterSerial: String, splitAt: Date
    ) {
        self.workOrderId = workOrderId
        self.requestCode = requestCode
        self.sharedCustomerCode = sharedCustomerCode
        self.subHouseholdId = subHouseholdId
        self.newCustomerCode = newCustomerCode
        self.newMeterSerial = newMeterSerial
        self.splitAt = splitAt
    }
}
