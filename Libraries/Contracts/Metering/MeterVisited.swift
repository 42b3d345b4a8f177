import Foundation

/// Field staff recorded a meter visit: the reading, and for an inspection or verification
/// the measured error and whether the meter is within its accuracy class.
///
/// crm puts the result on the request, tells the customer, and closes the ticket. No personal data.
public struct MeterVisited: MessageContract {
    public static let routingKey = "metering.meter.visited"
    public static let version = 1
    public static let kind = MessageKind.event

    /// What an inspection or verification measured.
    public struct Check: Codable, Sendable, Equatable {
        /// The meter's error at the test load, in percent (signed: negative reads low).
        public var measuredErrorPercent: Double
        /// The meter's accuracy class (1 or 2 for the meters installed at homes): the largest error allowed, in percent.
        public var accuracyClass: Double
        /// Whether the error is within the class.
        public var accurate: Bool
        /// What the customer pays, in VND: the verification fee when the meter proved
        /// accurate (Electricity Law art. 25.3), nothing when it did not or for an inspection.
        public var feeVND: Int

        public init(measuredErrorPercent: Double, accuracyClass: Double, accurate: Bool, feeVND: Int) {
            self.measuredErrorPercent = measuredErrorPercent
            self.accuracyClass = accuracyClass
            self.accurate = accurate
            self.feeVND = feeVND
        }
    }

    public var visitId: String
    public var requestCode: String
    public var purpose: VisitMeter.Purpose
    public var meterSerial: String
    /// The register's reading at the visit, in kWh.
    public var readingKWh: Int
    /// Set for an inspection or a verification.
    public var check: Check?
    /// What staff noted, e.g. a broken seal.
    public var findings: String?
    public var visitedAt: Date

    public init(
        visitId: String, requestCode: String, purpose: VisitMeter.Purpose, meterSerial: String, readingKWh: Int,
        check: Check?, findings: String?, visitedAt: Date
    ) {
        self.visitId = visitId
        self.requestCode = requestCode
        self.purpose = purpose
        self.meterSerial = meterSerial
        self.readingKWh = readingKWh
        self.check = check
        self.findings = findings
        self.visitedAt = visitedAt
    }
}
