import FlowDriver
import Foundation
import TestSupport
import Testing

/// The bill estimate customers look up on the portal, from intake running as a real process.
@Suite(.serialized) struct TariffEstimateTests {
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
        }
    }
}
