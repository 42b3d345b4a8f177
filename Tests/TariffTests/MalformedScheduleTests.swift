import Foundation
import Tariff
import Testing

/// A tariff document that would misprice bills is refused, naming what is wrong.
@Suite struct MalformedScheduleTests {
    private func load(_ data: Data) throws -> TariffSchedule {
        try TariffSchedule(json: data)
    }

    private func table(_ effectiveFrom: String, tiers: String, undeclaredOccupantsTier: Int = 3) -> String {
        #"{"effectiveFrom": "\#(effectiveFrom)", "undeclaredOccupantsTier": \#(undeclaredOccupantsTier), "tiers": \#(tiers)}"#
    }

    /// Expects `data` to be refused as not a document of the tariff's shape.
    private func expectInvalidDocument(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: TariffScheduleError.self, sourceLocation: sourceLocation) { try load(data) }
        guard let error else { return }
        if case .invalidDocument = error { return }
        Issue.record("expected invalidDocument, got \(error)", sourceLocation: sourceLocation)
    }

    @Test func textThatIsNotJSONIsAnInvalidDocument() {
        expectInvalidDocument(Data("tables: 2025".utf8))
    }

    @Test func aDocumentWithoutTablesIsAnInvalidDocument() {
        expectInvalidDocument(Data(#"{"vat": []}"#.utf8))
    }

    @Test func aDayThatDoesNotExistIsAnInvalidDocument() {
        expectInvalidDocument(document(tables: "[\(table("2025-02-30", tiers: tiers2025))]"))
    }

    @Test func aBoundThatIsNotAWholeNumberIsAnInvalidDocument() {
        expectInvalidDocument(document(tables: "[\(table("2025-05-10", tiers: #"[{"upToKWh": 50.5, "price": 1}, {"price": 2}]"#))]"))
    }

    @Test func aVATSourceThatIsNotTextIsAnInvalidDocument() {
        let vat = #"[{"effectiveFrom": "2009-01-01", "percent": 10, "source": 13}]"#
        expectInvalidDocument(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat))
    }

    @Test func anEmptyTableListIsRefused() {
        #expect(throws: TariffScheduleError.noTables) { try load(document(tables: "[]")) }
    }

    @Test func tablesOutOfDateOrderAreRefused() {
        #expect(throws: TariffScheduleError.tablesNotInDateOrder(day("2025-05-10"), day("2024-10-11"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025)), \(table("2024-10-11", tiers: tiers2025))]"))
        }
    }

    @Test func twoTablesOnTheSameDayAreRefused() {
        #expect(throws: TariffScheduleError.tablesNotInDateOrder(day("2025-05-10"), day("2025-05-10"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025)), \(table("2025-05-10", tiers: tiers2025))]"))
        }
    }

    @Test func aTableWithoutTiersIsRefused() {
        #expect(throws: TariffScheduleError.noTiers(table: day("2025-05-10"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: "[]"))]"))
        }
    }

    @Test func boundsThatDoNotIncreaseAreRefused() {
        let tiers = #"[{"upToKWh": 100, "price": 1}, {"upToKWh": 100, "price": 2}, {"price": 3}]"#
        #expect(throws: TariffScheduleError.boundsNotIncreasing(table: day("2025-05-10"), tier: 2)) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func aFirstBoundOfZeroIsRefused() {
        let tiers = #"[{"upToKWh": 0, "price": 1}, {"price": 2}]"#
        #expect(throws: TariffScheduleError.boundsNotIncreasing(table: day("2025-05-10"), tier: 1)) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func aBoundAboveTheMaximumIsRefused() {
        let tiers = #"[{"upToKWh": 1000001, "price": 1}, {"price": 2}]"#
        #expect(throws: TariffScheduleError.boundTooLarge(table: day("2025-05-10"), tier: 1)) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func aMissingOpenLastTierIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1}, {"upToKWh": 100, "price": 2}]"#
        #expect(throws: TariffScheduleError.lastTierNotOpen(table: day("2025-05-10"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func anOpenTierBeforeTheLastIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1}, {"price": 2}, {"price": 3}]"#
        #expect(throws: TariffScheduleError.openTierBeforeLast(table: day("2025-05-10"), tier: 2)) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func aNegativePriceIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1984}, {"price": -1}]"#
        #expect(throws: TariffScheduleError.negativePrice(table: day("2025-05-10"), tier: 2)) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func anUndeclaredOccupantsTierOutsideTheTableIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1}, {"price": 2}]"#
        #expect(throws: TariffScheduleError.undeclaredOccupantsTierOutOfRange(table: day("2025-05-10"), tier: 3)) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]"))
        }
    }

    @Test func anEmptyVATListIsRefused() {
        #expect(throws: TariffScheduleError.noVATRates) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: "[]"))
        }
    }

    @Test func vatRatesOutOfDateOrderAreRefused() {
        let vat = #"[{"effectiveFrom": "2025-07-01", "percent": 8}, {"effectiveFrom": "2025-01-01", "percent": 10}]"#
        #expect(throws: TariffScheduleError.vatRatesNotInDateOrder(day("2025-07-01"), day("2025-01-01"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat))
        }
    }

    @Test func aNegativeVATRateIsRefused() {
        let vat = #"[{"effectiveFrom": "2025-01-01", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": -8}]"#
        #expect(throws: TariffScheduleError.negativeVATPercent(rate: day("2025-07-01"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat))
        }
    }

    @Test func aVATListStartingAfterTheFirstTableIsRefused() {
        let vat = #"[{"effectiveFrom": "2025-07-01", "percent": 8}]"#
        #expect(throws: TariffScheduleError.vatStartsAfterFirstTable(vat: day("2025-07-01"), table: day("2025-05-10"))) {
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat))
        }
    }

    @Test func aMissingFileIsUnreadable() throws {
        let url = URL(fileURLWithPath: "/nonexistent/tariff.json")
        let error = try #require(throws: TariffScheduleError.self) { try TariffSchedule.load(file: url) }
        guard case .unreadableFile(let path, _) = error else {
            Issue.record("expected unreadableFile, got \(error)")
            return
        }
        #expect(path == "/nonexistent/tariff.json")
    }

    @Test func theMessageNamesTheTableAndTier() {
        #expect(TariffScheduleError.negativePrice(table: day("2025-05-10"), tier: 2).description
            == "tariff table 2025-05-10, tier 2: the price is negative")
    }
}
