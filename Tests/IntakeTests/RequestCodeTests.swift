import Foundation
import Intake
import Testing

@Suite struct RequestCodeTests {
    @Test func theCodeNamesTheBranchTheDayInVietnamAndTheDailyNumber() {
        // 2025-11-23 18:30 UTC is already 24 November in Vietnam.
        let date = Date(timeIntervalSince1970: 1_763_922_600)
        let code = RequestCode(branchCode: "PC05TK", day: RequestCode.day(of: date), sequence: 123)
        #expect(code.value == "PC05TK-251124-000123")
    }

    @Test func aDayOfAnOtherCenturyKeepsTwoDigitsOfItsYearAndMonth() {
        // 2009-01-04 23:00 UTC is 5 January in Vietnam.
        let date = Date(timeIntervalSince1970: 1_231_110_000)
        #expect(RequestCode.day(of: date) == "090105")
    }

    @Test func aNumberPastSixDigitsIsWrittenWhole() {
        #expect(RequestCode(branchCode: "PCDNHC", day: "261206", sequence: 1).value == "PCDNHC-261206-000001")
        #expect(RequestCode(branchCode: "PCDNHC", day: "261206", sequence: 1_234_567).value == "PCDNHC-261206-1234567")
    }
}
