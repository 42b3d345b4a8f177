@testable import Households
import ServiceKit
import Testing

/// Households' own settings: the defaults, and bad values named.
@Suite struct HouseholdsSettingsTests {
    @Test func aPassTextsAThousandMainHouseholdsAtMostByDefault() throws {
        #expect(try HouseholdsSettings(environment: [:]).reminderHoldAbove == 1_000)
        #expect(try HouseholdsSettings(environment: ["REMINDER_HOLD_ABOVE": "0"]).reminderHoldAbove == 0)
    }

    @Test(arguments: [("REMINDER_HOLD_ABOVE", "-1"), ("REMINDER_HOLD_ABOVE", "many"), ("RESIDENCE_CHECK_AT", "25:00")])
    func aValueThatCannotBeUsedIsRefusedByName(variable: String, value: String) {
        let error = #expect(throws: ConfigurationError.self) { try HouseholdsSettings(environment: [variable: value]) }
        #expect(error?.variable == variable)
        #expect(error?.value == value)
    }
}
