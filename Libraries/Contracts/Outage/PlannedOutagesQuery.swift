import Foundation

/// The portal asks outage for the planned outages of an area, or of a customer's supply
/// point, that end after `from` and start before `to` (request/reply).
///
/// Exactly one of `communeCode` and `customerCode` is given. Cancelled outages are answered
/// too, so a customer who was told of one sees that it was called off.
public struct PlannedOutagesQuery: QueryContract {
    public static let routingKey = "outage.planned-outages"
    public static let version = 1
    public static let kind = MessageKind.query

    /// The answer, soonest first.
    public struct Reply: Codable, Sendable, Equatable {
        public var plannedOutages: [PlannedOutage]
        /// `false` when a `customerCode` was asked that outage has no supply point for.
        public var known: Bool

        public init(plannedOutages: [PlannedOutage], known: Bool = true) {
            self.plannedOutages = plannedOutages
            self.known = known
        }
    }

    public var communeCode: String?
    public var customerCode: String?
    public var from: Date
    public var to: Date

    public init(communeCode: String? = nil, customerCode: String? = nil, from: Date, to: Date) {
        self.communeCode = communeCode
        self.customerCode = customerCode
        self.from = from
        self.to = to
    }
}
