import FlowDriver
import Foundation
import TestSupport
import Testing

/// The bill estimate customers look up on the portal, from intake running as a real process.
@Suite(.serialized) struct TariffEstimateTests {
    /// The published residential prices from 2025-05-10 (đồng/kWh before VAT) and the upper
    /// bounds of the first five tiers, for one household's month.
    static let prices: [Decimal] = [1984, 2050, 2380, 2998, 3350, 3460]
    static let bounds = [50, 100, 200, 300, 400]

    @Test func aSharedMeterEstimateMultipliesTheTierBoundsAndAddsVAT() async throws {
        try await Platform.run("tariff", services: ["intake"]) { platform in
            let estimate = "\(platform.url("intake"))/api/v1/tariff/estimate"
            // Two households from 2025-05-10: bounds 100 / 200 / 400 …
            // 100 × 1,984 = 198,400; 100 × 2,050 = 205,000; 150 × 2,380 = 357,000; sum 760,400;
            // VAT 8 % (Decree 180/2024/NĐ-CP) = 60,832; total 821,232.
            let shared = try await platform.http.call(.GET, "\(estimate)?kWh=350&households=2&day=2025-06-15").expect(200)
            #expect((shared["amountBeforeVAT"] as? NSNumber)?.intValue == 760_400)
            #expect((shared["vatPercent"] as? NSNumber)?.intValue == 8)
            #expect((shared["vatAmount"] as? NSNumber)?.intValue == 60_832)
            #expect((shared["total"] as? NSNumber)?.intValue == 821_232)
            #expect((shared["lines"] as? [Any])?.count == 3)

            // Occupants not declared: all 350 kWh at tier 3, 350 × 2,380 = 833,000 before VAT.
            let undeclared = try await platform.http.call(.GET, "\(estimate)?kWh=350&declared=false&day=2025-06-15").expect(200)
            #expect((undeclared["amountBeforeVAT"] as? NSNumber)?.intValue == 833_000)

            let bad = try await platform.http.call(.GET, "\(estimate)?kWh=-5&households=x&day=15/06/2025")
            #expect(bad.status == 422)
            #expect(try bad.errorFields() == ["kWh", "households", "day"])
            let early = try await platform.http.call(.GET, "\(estimate)?kWh=10&day=2020-01-01")
            #expect(try early.errorFields() == ["day"])

            try await Self.expectSplitAtTheEndOfTheVATReduction(estimate, on: platform)
        }
    }

    /// A reading period of 30 days, 17 December 2026 through 15 January 2027, across the end of
    /// the VAT reduction (8 % through 31 December 2026, 10 % from 1 January 2027): two parts of
    /// 15 days, each with half the 300 kWh and half of every tier bound, priced at its own rate.
    static func expectSplitAtTheEndOfTheVATReduction(_ estimate: String, on platform: Platform) async throws {
        let period = try await platform.http.call(.GET, "\(estimate)?kWh=300&from=2026-12-17&through=2027-01-15").expect(200)
        let parts = try #require(period["parts"] as? [[String: Any]])
        #expect(parts.map { "\($0["from"] ?? "")…\($0["through"] ?? ""): \($0["days"] ?? "")" }
                == ["2026-12-17…2026-12-31: 15", "2027-01-01…2027-01-15: 15"])
        let half = tiered(kWh: 150, boundsTimes: 0.5)
        var total: Decimal = 0
        for (part, percent) in zip(parts, [8, 10]) {
            let priced = try #require(part["estimate"] as? [String: Any])
            let vat = half * Decimal(percent) / 100
            #expect((priced["vatPercent"] as? NSNumber)?.intValue == percent)
            #expect((priced["amountBeforeVAT"] as? NSNumber)?.decimalValue == half)
            #expect((priced["vatAmount"] as? NSNumber)?.decimalValue == vat)
            #expect((priced["total"] as? NSNumber)?.decimalValue == half + vat)
            total += half + vat
        }
        // 369,750 before VAT each half; 29,580 and 36,975 VAT; 806,055 in all.
        #expect((period["total"] as? NSNumber)?.decimalValue == total)
        #expect(total == 806_055)
    }

    /// What `kWh` costs before VAT on the published tiers, every bound times `boundsTimes`.
    static func tiered(kWh: Decimal, boundsTimes share: Decimal) -> Decimal {
        var amount: Decimal = 0
        var lower: Decimal = 0
        for (index, price) in prices.enumerated() {
            let upper = index < bounds.count ? min(Decimal(bounds[index]) * share, kWh) : kWh
            guard upper > lower else { break }
            amount += (upper - lower) * price
            lower = upper
        }
        return amount
    }
}
