/// An exact quantity of energy, as a fraction of kWh in lowest terms.
///
/// Tier bounds of a shared meter are multiples of ¼ household (9 quarters put tier 1 at
/// 112.5 kWh) and a reading period split at a price change divides them by days (9 of 31),
/// so the kWh in a tier is a fraction that a binary or decimal number would round. The
/// estimate keeps it exact; only money is rounded, once. JSON form:
/// `{"numerator": 225, "denominator": 2}` for 112.5 kWh.
public struct KilowattHours: Sendable, Hashable, Codable {
    /// The numerator in lowest terms; not negative in an estimate.
    public let numerator: Int
    /// The denominator in lowest terms, at least 1.
    public let denominator: Int

    /// The fraction `numerator / denominator` kWh, reduced to lowest terms.
    ///
    /// - Precondition: `denominator > 0`.
    public init(numerator: Int, denominator: Int) {
        precondition(denominator > 0, "a quantity of energy needs a positive denominator")
        var (a, b) = (abs(numerator), denominator)
        while b != 0 { (a, b) = (b, a % b) }
        let divisor = Swift.max(a, 1)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// A whole number of kWh.
    public init(_ whole: Int) {
        self.init(numerator: whole, denominator: 1)
    }

    private enum CodingKeys: String, CodingKey {
        case numerator, denominator
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let denominator = try container.decode(Int.self, forKey: .denominator)
        guard denominator > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .denominator, in: container, debugDescription: "the denominator must be positive")
        }
        self.init(numerator: try container.decode(Int.self, forKey: .numerator), denominator: denominator)
    }
}
