import Tariff
import Testing

/// The tables and VAT rates built into the library.
@Suite struct PublishedScheduleTests {
    @Test func hasTheThreeTablesSinceNovember2023InDateOrder() {
        #expect(TariffSchedule.published.tables.map(\.effectiveFrom) == [day("2023-11-09"), day("2024-10-11"), day("2025-05-10")])
    }

    @Test func theNovember2023Prices() {
        #expect(TariffSchedule.published.tables[0].tiers.map(\.price) == [1806, 1866, 2167, 2729, 3050, 3151])
    }

    @Test func theOctober2024Prices() {
        #expect(TariffSchedule.published.tables[1].tiers.map(\.price) == [1893, 1956, 2271, 2860, 3197, 3302])
    }

    @Test func theMay2025Prices() {
        #expect(TariffSchedule.published.tables[2].tiers.map(\.price) == [1984, 2050, 2380, 2998, 3350, 3460])
    }

    @Test func everyTableHasTheSixTierBoundsAndChargesTier3ToUndeclaredOccupants() {
        for table in TariffSchedule.published.tables {
            #expect(table.tiers.map(\.upToKWh) == [50, 100, 200, 300, 400, nil])
            #expect(table.undeclaredOccupantsTier == 3)
        }
    }

    @Test func theVATRatesAreThePublishedPeriods() {
        #expect(TariffSchedule.published.vatRates == VATRate.published)
    }

    @Test func withoutATariffFileTheBuiltInScheduleIsUsed() throws {
        #expect(try TariffSchedule.load(file: nil) == TariffSchedule.published)
    }
}
