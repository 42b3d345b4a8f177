/// The portal asks metering when a customer's meter is read.
///
/// Metering knows each installed meter's reading route and the customer code its contract
/// opened; the answer is `null` for a customer code metering has no meter for.
public struct ReadingScheduleQuery: QueryContract {
    public typealias Reply = ReadingSchedule?

    public static let routingKey = "metering.reading-schedule"
    public static let version = 1
    public static let kind = MessageKind.query

    public var customerCode: String

    public init(customerCode: String) {
        self.customerCode = customerCode
    }
}

/// The answer to ``ReadingScheduleQuery``: the meter, its route and the day of the month it is read.
public struct ReadingSchedule: Codable, Sendable, Equatable {
    public var customerCode: String
    public var meterSerial: String
    public var branchCode: String
    /// The reading route's code, e.g. `TK-R07`.
    public var route: String
    /// The day of the month the route is read, 1–28.
    public var readingDay: Int

    public init(customerCode: String, meterSerial: String, branchCode: String, route: String, readingDay: Int) {
        self.customerCode = customerCode
        self.meterSerial = meterSerial
        self.branchCode = branchCode
        self.route = route
        self.readingDay = readingDay
    }
}
