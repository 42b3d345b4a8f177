import Foundation

/// A number of households sharing a meter, in quarters of an allowance.
///
/// Tenants and collective housing count one quarter of a household per registered person
/// (Circular 16/2014/TT-BCT art. 10 as amended by 09/2023: 4 persons = 1 household), so
/// the count that multiplies the tariff's tier bounds is a whole number of quarters, not of
/// households. Carried on the wire as the integer number of quarters; shown to people as the
/// fraction it is: `2`, `2¼`, `2½`, `2¾`.
public struct HouseholdQuarters: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Quarters of an allowance: 4 is one household.
    public let quarters: Int

    public init(quarters: Int) {
        self.quarters = quarters
    }

    /// A count of `quarters`; `nil` for a negative one, which no meter can have.
    public init?(validating quarters: Int) {
        guard quarters >= 0 else { return nil }
        self.quarters = quarters
    }

    /// Whole households: `HouseholdQuarters(households: 2)` is 8 quarters.
    public init(households: Int) {
        quarters = households * 4
    }

    /// Reads a count as the billing system writes it: `2`, `2.5`, `2,25`, `1.75`.
    /// `nil` for anything that is not a non-negative multiple of a quarter.
    public init?(decimal text: String) {
        if text.utf8.count <= 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let whole = Int(text) {
            quarters = whole * 4
            return
        }
        let parts = text.trimmingCharacters(in: .whitespaces).split(
            maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard let wholeText = parts.first, !wholeText.isEmpty, wholeText.count <= 4,
              wholeText.allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(wholeText)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            switch parts[1].trimmingTrailingZeros {
            case "": fraction = 0
            case "25": fraction = 1
            case "5": fraction = 2
            case "75": fraction = 3
            default: return nil
            }
        }
        quarters = whole * 4 + fraction
    }

    public init(from decoder: any Decoder) throws {
        quarters = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(quarters)
    }

    /// The whole households, rounded down.
    public var wholeHouseholds: Int { quarters / 4 }

    /// The count as people read it: `2`, `2¼`, `2½`, `2¾`, `¾`.
    public var description: String {
        let whole = quarters / 4
        let fraction = ["", "¼", "½", "¾"][quarters % 4]
        return whole == 0 && !fraction.isEmpty ? fraction : "\(whole)\(fraction)"
    }

    /// The count as the billing system writes it: `2`, `2.25`, `2.5`, `2.75`.
    public var decimal: String {
        let whole = quarters / 4
        return ["\(whole)", "\(whole).25", "\(whole).5", "\(whole).75"][quarters % 4]
    }

    public static func < (lhs: HouseholdQuarters, rhs: HouseholdQuarters) -> Bool {
        lhs.quarters < rhs.quarters
    }

    public static func + (lhs: HouseholdQuarters, rhs: HouseholdQuarters) -> HouseholdQuarters {
        HouseholdQuarters(quarters: lhs.quarters + rhs.quarters)
    }
}

extension HouseholdQuarters {
    /// The count as the staff APIs show it, the number for programs beside the fraction for
    /// people: `{"quarters": 9, "households": "2¼"}`.
    public struct Shown: Codable, Sendable, Equatable {
        public var quarters: Int
        public var households: String

        public init(quarters: Int, households: String) {
            self.quarters = quarters
            self.households = households
        }
    }

    public var shown: Shown {
        Shown(quarters: quarters, households: description)
    }
}

private extension Substring {
    var trimmingTrailingZeros: Substring {
        var text = self
        while text.last == "0" { text.removeLast() }
        return text
    }
}
