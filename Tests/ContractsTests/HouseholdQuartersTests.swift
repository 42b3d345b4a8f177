import Contracts
import Foundation
import Testing

/// Household counts in quarters: read as the billing system writes them, shown as people read them.
@Suite struct HouseholdQuartersTests {
    @Test(arguments: [(0, "0"), (1, "¼"), (2, "½"), (3, "¾"), (4, "1"), (8, "2"), (9, "2¼"), (10, "2½"), (11, "2¾")])
    func aCountReadsAsWholeHouseholdsAndAFraction(quarters: Int, shown: String) {
        #expect(HouseholdQuarters(quarters: quarters).description == shown)
        #expect(HouseholdQuarters(quarters: quarters).shown == .init(quarters: quarters, households: shown))
    }

    @Test func theBillingSystemsDecimalsReadAsQuartersAndNothingElseDoes() {
        #expect(HouseholdQuarters(decimal: "2")?.quarters == 8)
        #expect(HouseholdQuarters(decimal: " 2.5 ")?.quarters == 10)
        #expect(HouseholdQuarters(decimal: "2,25")?.quarters == 9)
        #expect(HouseholdQuarters(decimal: "1.750")?.quarters == 7)
        #expect(HouseholdQuarters(decimal: "3.0")?.quarters == 12)
        for text in ["2.3", "-1", "", "two", "2.5.1", "1e2", ".5", "99999"] {
            #expect(HouseholdQuarters(decimal: text) == nil, "\(text)")
        }
        #expect(HouseholdQuarters(quarters: 11).decimal == "2.75")
    }

    @Test func aNegativeCountIsNoCount() {
        #expect(HouseholdQuarters(validating: -1) == nil)
        #expect(HouseholdQuarters(validating: 0)?.quarters == 0)
        #expect(HouseholdQuarters(households: 3).quarters == 12)
        #expect(HouseholdQuarters(quarters: 11).wholeHouseholds == 2)
    }

    @Test func onTheWireACountIsItsQuarters() throws {
        let json = try JSONEncoder().encode(HouseholdQuarters(quarters: 9))
        #expect(String(decoding: json, as: UTF8.self) == "9")
        #expect(try JSONDecoder().decode(HouseholdQuarters.self, from: json) == HouseholdQuarters(quarters: 9))
        let shown = try JSONSerialization.jsonObject(with: JSONEncoder().encode(HouseholdQuarters(quarters: 9).shown))
        #expect((shown as? [String: Any])?["households"] as? String == "2¼")
    }
}
