import Foundation

/// Field staff installed and sealed the meter; it is on a reading route (flow step 5).
///
/// crm needs the serial for the contract; the initial reading and seals are what the
/// first bill and any later dispute start from.
public struct MeterInstalled: MessageContract {
    public static let routingKey = "metering.meter.installed"
    public static let version = 1
    public static let kind = MessageKind.event

    public var workOrderId: String
    public var requestCode: String
    /// The order's request kind, as crm's `metering.install-meter` named it: crm hands the event
    /// to a connection's or a service request's ticket by it. Absent from messages published
    /// before the field was added, and for an order whose command named none.
    public var requestKind: RequestKind?
    public var meterSerial: String
    /// The register's reading at installation, in whole kWh.
    public var initialReadingKWh: Int
    /// The numbers of the seals put on the meter and its terminal cover.
    public var sealNumbers: [String]
    /// The reading route the meter joined, e.g. `TK-R07`.
    public var readingRoute: String
    /// The day of the month the route is read, 1–28.
    public var readingDay: Int
    public var installedAt: Date

    public init(
        workOrderId: String, requestCode: String, requestKind: RequestKind?, meterSerial: String,
        initialReadingKWh: Int, sealNumbers: [String], readingRoute: String, readingDay: Int, installedAt: Date
    ) {
        self.workOrderId = workOrderId
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.meterSerial = meterSerial
        self.initialReadingKWh = initialReadingKWh
        self.sealNumbers = sealNumbers
        self.readingRoute = readingRoute
        self.readingDay = readingDay
        self.installedAt = installedAt
    }
}
