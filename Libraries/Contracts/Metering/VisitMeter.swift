/// crm asks metering to send field staff to a customer's meter: to inspect or verify it, or
/// to take the final reading of a contract that ends.
///
/// Metering opens one visit per request code and answers with `metering.meter.visited` once
/// staff record what they found. No personal data.
public struct VisitMeter: MessageContract {
    public static let routingKey = "metering.visit-meter"
    public static let version = 1
    public static let kind = MessageKind.command

    /// Why the meter is visited.
    public enum Purpose: String, Codable, Sendable, CaseIterable {
        /// Inspection on the customer's request (3 working days).
        case inspection
        /// Verification (*kiểm định*) on the customer's request (5 working days).
        case verification
        /// Verification by an independent body, of a disputed result (15 working days).
        case independentVerification = "independent_verification"
        /// The last reading of a terminated contract.
        case finalReading = "final_reading"

        /// Whether the visit measures the meter's error against its accuracy class.
        public var measuresError: Bool { self != .finalReading }
    }

    public var requestCode: String
    /// The branch whose field staff go.
    public var branchCode: String
    public var customerCode: String
    public var purpose: Purpose

    public init(requestCode: String, branchCode: String, customerCode: String, purpose: Purpose) {
        self.requestCode = requestCode
        self.branchCode = branchCode
        self.customerCode = customerCode
        self.purpose = purpose
    }
}
