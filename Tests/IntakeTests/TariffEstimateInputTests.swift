import Foundation
import TestSupport
import Testing

/// The bill estimate's counts as any client may send them: numbers too large to count once
/// multiplied into allowance quarters are refused at their field, on the API and on the page,
/// and intake goes on answering.
@Suite struct TariffEstimateInputTests {
    static let tooMany = "3655791410258194923"

    @Test(arguments: ["households=\(tooMany)", "households=1&tenants=\(Int.max)"])
    func aCountTooLargeToMultiplyIsRefusedAtTheHouseholdsField(_ counts: String) async throws {
        try await IntakeHarness.run { intake in
            let api = try await intake.get("api/v1/tariff/estimate?kWh=350&\(counts)&day=2025-06-15")
            #expect(api.status == 422)
            #expect(try api.errorFields() == ["households"])
            #expect(try api.errorCodes() == ["households.too_many"])

            let page = try await intake.get("uoc-tinh-tien-dien?kWh=350&\(counts)&lang=vi")
            #expect(String(decoding: page.body, as: UTF8.self).contains("vượt quá mức tối đa 10000 hộ"))

            let next = try await intake.get("api/v1/tariff/estimate?kWh=350&households=2&day=2025-06-15")
            #expect(next.status == 200)
        }
    }
}
