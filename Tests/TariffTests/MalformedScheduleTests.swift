import Foundation
import Tariff
import XCTest

/// A tariff document that would misprice bills is refused, naming what is wrong.
final class MalformedScheduleTests: XCTestCase {
    private func load(_ data: Data) throws -> TariffSchedule {
        try TariffSchedule(json: data)
    }

    private func table(_ effectiveFrom: String, tiers: String, undeclaredOccupantsTier: Int = 3) -> String {
        #"{"effectiveFrom": "\#(effectiveFrom)", "undeclaredOccupantsTier": \#(undeclaredOccupantsTier), "tiers": \#(tiers)}"#
    }

    private func assertInvalidDocument(_ data: Data, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(data), file: file, line: line) { error in
            guard case .invalidDocument = error as? TariffScheduleError else {
                return XCTFail("expected invalidDocument, got \(error)", file: file, line: line)
            }
        }
    }

    func testTextThatIsNotJSONIsAnInvalidDocument() {
        assertInvalidDocument(Data("tables: 2025".utf8))
    }

    func testADocumentWithoutTablesIsAnInvalidDocument() {
        assertInvalidDocument(Data(#"{"vat": []}"#.utf8))
    }

    func testADayThatDoesNotExistIsAnInvalidDocument() {
        assertInvalidDocument(document(tables: "[\(table("2025-02-30", tiers: tiers2025))]"))
    }

    func testABoundThatIsNotAWholeNumberIsAnInvalidDocument() {
        assertInvalidDocument(document(tables: "[\(table("2025-05-10", tiers: #"[{"upToKWh": 50.5, "price": 1}, {"price": 2}]"#))]"))
    }

    func testAnEmptyTableListIsRefused() {
        XCTAssertThrows(TariffScheduleError.noTables, try load(document(tables: "[]")))
    }

    func testTablesOutOfDateOrderAreRefused() {
        XCTAssertThrows(
            TariffScheduleError.tablesNotInDateOrder(day("2025-05-10"), day("2024-10-11")),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025)), \(table("2024-10-11", tiers: tiers2025))]")))
    }

    func testTwoTablesOnTheSameDayAreRefused() {
        XCTAssertThrows(
            TariffScheduleError.tablesNotInDateOrder(day("2025-05-10"), day("2025-05-10")),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025)), \(table("2025-05-10", tiers: tiers2025))]")))
    }

    func testATableWithoutTiersIsRefused() {
        XCTAssertThrows(
            TariffScheduleError.noTiers(table: day("2025-05-10")),
            try load(document(tables: "[\(table("2025-05-10", tiers: "[]"))]")))
    }

    func testBoundsThatDoNotIncreaseAreRefused() {
        let tiers = #"[{"upToKWh": 100, "price": 1}, {"upToKWh": 100, "price": 2}, {"price": 3}]"#
        XCTAssertThrows(
            TariffScheduleError.boundsNotIncreasing(table: day("2025-05-10"), tier: 2),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testAFirstBoundOfZeroIsRefused() {
        let tiers = #"[{"upToKWh": 0, "price": 1}, {"price": 2}]"#
        XCTAssertThrows(
            TariffScheduleError.boundsNotIncreasing(table: day("2025-05-10"), tier: 1),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testABoundAboveTheMaximumIsRefused() {
        let tiers = #"[{"upToKWh": 1000001, "price": 1}, {"price": 2}]"#
        XCTAssertThrows(
            TariffScheduleError.boundTooLarge(table: day("2025-05-10"), tier: 1),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testAMissingOpenLastTierIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1}, {"upToKWh": 100, "price": 2}]"#
        XCTAssertThrows(
            TariffScheduleError.lastTierNotOpen(table: day("2025-05-10")),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testAnOpenTierBeforeTheLastIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1}, {"price": 2}, {"price": 3}]"#
        XCTAssertThrows(
            TariffScheduleError.openTierBeforeLast(table: day("2025-05-10"), tier: 2),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testANegativePriceIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1984}, {"price": -1}]"#
        XCTAssertThrows(
            TariffScheduleError.negativePrice(table: day("2025-05-10"), tier: 2),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testAnUndeclaredOccupantsTierOutsideTheTableIsRefused() {
        let tiers = #"[{"upToKWh": 50, "price": 1}, {"price": 2}]"#
        XCTAssertThrows(
            TariffScheduleError.undeclaredOccupantsTierOutOfRange(table: day("2025-05-10"), tier: 3),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers))]")))
    }

    func testAnEmptyVATListIsRefused() {
        XCTAssertThrows(
            TariffScheduleError.noVATRates,
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: "[]")))
    }

    func testVATRatesOutOfDateOrderAreRefused() {
        let vat = #"[{"effectiveFrom": "2025-07-01", "percent": 8}, {"effectiveFrom": "2025-01-01", "percent": 10}]"#
        XCTAssertThrows(
            TariffScheduleError.vatRatesNotInDateOrder(day("2025-07-01"), day("2025-01-01")),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat)))
    }

    func testANegativeVATRateIsRefused() {
        let vat = #"[{"effectiveFrom": "2025-01-01", "percent": 10}, {"effectiveFrom": "2025-07-01", "percent": -8}]"#
        XCTAssertThrows(
            TariffScheduleError.negativeVATPercent(rate: day("2025-07-01")),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat)))
    }

    func testAVATListStartingAfterTheFirstTableIsRefused() {
        let vat = #"[{"effectiveFrom": "2025-07-01", "percent": 8}]"#
        XCTAssertThrows(
            TariffScheduleError.vatStartsAfterFirstTable(vat: day("2025-07-01"), table: day("2025-05-10")),
            try load(document(tables: "[\(table("2025-05-10", tiers: tiers2025))]", vat: vat)))
    }

    func testAMissingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/tariff.json")
        XCTAssertThrowsError(try TariffSchedule.load(file: url)) { error in
            guard case .unreadableFile(let path, _) = error as? TariffScheduleError else {
                return XCTFail("expected unreadableFile, got \(error)")
            }
            XCTAssertEqual(path, "/nonexistent/tariff.json")
        }
    }

    func testTheMessageNamesTheTableAndTier() {
        XCTAssertEqual(
            TariffScheduleError.negativePrice(table: day("2025-05-10"), tier: 2).description,
            "tariff table 2025-05-10, tier 2: the price is negative")
    }
}
