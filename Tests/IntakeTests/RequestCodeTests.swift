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
}
