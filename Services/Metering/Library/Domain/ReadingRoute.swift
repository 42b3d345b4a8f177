/// A meter reading route: the round a reader walks, and the day of the month it is read.
public struct ReadingRoute: Codable, Sendable, Equatable {
    /// The route's code, e.g. `TK-R07`.
    public var route: String
    /// The day of the month the route is read, 1–28 so that every month has it.
    public var readingDay: Int

    public init(route: String, readingDay: Int) {
        self.route = route
        self.readingDay = readingDay
    }
}
