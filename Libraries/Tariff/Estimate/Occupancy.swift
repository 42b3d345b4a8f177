/// Who lives on a meter, as far as pricing is concerned.
///
/// The tier bounds are set per household, so a meter shared by several households gets
/// bounds multiplied by their number (Circular 16/2014/TT-BCT art. 10 as amended, last by
/// 09/2023): each extra registered household lowers the bill. Tenants and collective
/// housing count a quarter of a household per registered person, hence the count in
/// quarters. A meter whose occupants are not declared pays one tier's price on everything.
///
/// JSON form: `{"declared": true, "quarters": 9}` or `{"declared": false}`.
public enum Occupancy: Sendable, Hashable, Codable {
    /// The occupants are declared: `quarters` quarters of a household allowance share the
    /// meter (4 = one household; a household with 3 tenants beside it is 7). Every tier
    /// bound is multiplied by `quarters / 4`.
    case declared(quarters: Int)
    /// The occupants are not declared, or the lease is under 12 months and the landlord has
    /// not declared every user: all consumption pays the price of the table's
    /// ``TariffTable/undeclaredOccupantsTier`` (tier 3).
    case undeclared

    private enum CodingKeys: String, CodingKey {
        case declared, quarters
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.decode(Bool.self, forKey: .declared)
            ? .declared(quarters: try container.decode(Int.self, forKey: .quarters))
            : .undeclared
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .declared(let quarters):
            try container.encode(true, forKey: .declared)
            try container.encode(quarters, forKey: .quarters)
        case .undeclared:
            try container.encode(false, forKey: .declared)
        }
    }
}
