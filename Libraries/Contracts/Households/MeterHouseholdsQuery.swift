/// The portal asks households which households share a customer's meter, for its holder:
/// a landlord whose tenants left names them by the references this answer shows.
///
/// households answers only to the phone its dossier was registered with (`holderPhone` of
/// `households.register-main-household`): the answer is `null` for a customer code without
/// an active dossier and for any other phone alike, so it never tells which was wrong.
/// The phone is personal data; the query goes to households alone.
public struct MeterHouseholdsQuery: QueryContract {
    public typealias Reply = MeterHouseholds?

    public static let routingKey = "households.meter-households"
    public static let version = 1
    public static let kind = MessageKind.query

    public var customerCode: String
    /// The phone the holder gave, E.164 (`+84…`).
    public var holderPhone: String

    public init(customerCode: String, holderPhone: String) {
        self.customerCode = customerCode
        self.holderPhone = holderPhone
    }
}

/// The answer to ``MeterHouseholdsQuery``: the sub-households sharing the meter now, each by
/// its reference and a name shortened to initials but the given name, so the holder knows
/// which is which while a stranger who guessed the phone learns little.
public struct MeterHouseholds: Codable, Sendable, Equatable {
    public struct Household: Codable, Sendable, Equatable {
        /// The reference a household change names, `SH-<n>`.
        public var subHouseholdId: String
        /// E.g. `L. T. Sương` for Lý Thị Sương.
        public var shortName: String
        /// Whether it counts for the tariff allowance now (its residence confirmation holds).
        public var counting: Bool
        public var joinedOn: CalendarDate

        public init(subHouseholdId: String, shortName: String, counting: Bool, joinedOn: CalendarDate) {
            self.subHouseholdId = subHouseholdId
            self.shortName = shortName
            self.counting = counting
            self.joinedOn = joinedOn
        }
    }

    public var customerCode: String
    public var households: [Household]

    public init(customerCode: String, households: [Household]) {
        self.customerCode = customerCode
        self.households = households
    }
}
