import ServiceKit
import Testing

/// A daily job's hour as an operator writes it (`RESIDENCE_CHECK_AT`, `DEADLINE_DIGEST_AT`).
@Suite struct TimeOfDayTests {
    @Test func hoursAndMinutesAreRead() throws {
        let time = try #require(TimeOfDay("07:30"))
        #expect((time.hour, time.minute, time.secondsIntoDay) == (7, 30, 27_000))
        #expect(TimeOfDay("00:00")?.secondsIntoDay == 0)
        #expect(TimeOfDay("23:59")?.secondsIntoDay == 86_340)
    }

    @Test(arguments: ["24:00", "07:60", "7", "07:00:00", "", ":", "sáng", "07:", ":30", "-1:00"])
    func anythingElseIsRefused(text: String) {
        #expect(TimeOfDay(text) == nil)
    }

    @Test func theSettingNamesItsVariableWhenItCannotBeUsed() throws {
        #expect(try TimeOfDay.setting("DEADLINE_DIGEST_AT", default: "07:00", in: [:]) == TimeOfDay("07:00"))
        #expect(try TimeOfDay.setting("DEADLINE_DIGEST_AT", default: "07:00", in: ["DEADLINE_DIGEST_AT": "06:15"])
            == TimeOfDay("06:15"))
        #expect(throws: ConfigurationError.self) {
            try TimeOfDay.setting("DEADLINE_DIGEST_AT", default: "07:00", in: ["DEADLINE_DIGEST_AT": "7 giờ"])
        }
    }
}
