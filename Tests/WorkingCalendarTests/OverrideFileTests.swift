import Foundation
import Testing
import WorkingCalendar

/// Loading the government's yearly decisions from `holidays-YYYY.json` files, so that a new
/// notice can be deployed without a release.
@Suite("Override files")
struct OverrideFileTests {
    @Test func withoutAFolderTheBuiltInSchedulesAreUsed() throws {
        let calendar = try WorkingCalendar.load(overridesFolder: nil)
        #expect(calendar.hasPublishedSchedule(for: 2025))
        #expect(!calendar.isWorkingDay(day("2025-05-02")))
    }

    @Test func anOverrideTurnsASaturdayIntoAWorkingDay() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"""
        {
          "year": 2027,
          "workingDays": [
            { "date": "2027-03-13", "vi": "Làm bù", "en": "Make-up working day" }
          ]
        }
        """#, to: folder, as: "holidays-2027.json")
        let calendar = try WorkingCalendar.load(overridesFolder: folder)

        #expect(calendar.isWorkingDay(day("2027-03-13")))
        #expect(calendar.status(of: day("2027-03-13"))
            == .makeUpWorkingDay(LocalizedName(vi: "Làm bù", en: "Make-up working day")))
        // Friday 12 Mar 2027, limit 1: due on the worked Saturday.
        #expect(calendar.addingWorkingDays(1, to: day("2027-03-12")) == day("2027-03-13"))
        #expect(calendar.hasPublishedSchedule(for: 2027))
    }

    @Test func anOverrideAddsABridgeDayWithItsReason() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"""
        {
          "year": 2027,
          "daysOff": [
            { "date": "2027-04-30", "vi": "Nghỉ hoán đổi", "en": "Swapped day off" },
            { "date": "2027-05-03", "vi": "Nghỉ hoán đổi", "en": "Swapped day off" }
          ]
        }
        """#, to: folder, as: "holidays-2027.json")
        let calendar = try WorkingCalendar.load(overridesFolder: folder)
        #expect(calendar.reason(for: day("2027-05-03"))
            == .governmentDayOff(LocalizedName(vi: "Nghỉ hoán đổi", en: "Swapped day off")))
    }

    @Test func anOverrideGivesTheDecidedTetDays() throws {
        // Tết 2027 is Saturday 6 Feb. Suppose the decision is 3 days before, 2 after.
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"""
        {
          "year": 2027,
          "decidedDates": {
            "tet": ["2027-02-03", "2027-02-04", "2027-02-05", "2027-02-06", "2027-02-07"],
            "national-day-adjacent": ["2027-09-03"]
          }
        }
        """#, to: folder, as: "holidays-2027.json")
        let calendar = try WorkingCalendar.load(overridesFolder: folder)
        // Holidays Wed 3 – Sun 7 Feb; the weekend is compensated on Mon 8 and Tue 9.
        for date in days("2027-02-03", through: "2027-02-09") {
            #expect(!calendar.isWorkingDay(date), "\(date)")
        }
        #expect(calendar.isWorkingDay(day("2027-02-02")))
        #expect(calendar.isWorkingDay(day("2027-02-10")))
        #expect(calendar.isWorkingDay(day("2027-09-01")))
        #expect(!calendar.isWorkingDay(day("2027-09-03")))
    }

    @Test func aFileReplacesTheBuiltInScheduleOfItsYearAsAWhole() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"{ "year": 2025 }"#, to: folder, as: "holidays-2025.json")
        let calendar = try WorkingCalendar.load(overridesFolder: folder)
        // Without the decision, Tết 2025 falls back to 28 Jan – 1 Feb, and 2 May is worked.
        #expect(calendar.isWorkingDay(day("2025-01-27")))
        #expect(!calendar.isWorkingDay(day("2025-02-03")))
        #expect(calendar.isWorkingDay(day("2025-05-02")))
    }

    @Test func theBuiltInSchedulesRoundTripThroughTheFileFormat() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        for schedule in YearSchedule.published {
            let data = try encoder.encode(schedule)
            #expect(try JSONDecoder().decode(YearSchedule.self, from: data) == schedule)
        }
    }

    @Test func aFileNamedForAnotherYearIsRejected() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"{ "year": 2028 }"#, to: folder, as: "holidays-2027.json")
        #expect(throws: WorkingCalendarLoadError.self) {
            try WorkingCalendar.load(overridesFolder: folder)
        }
    }

    @Test func aDecisionForAnUnknownRuleIsRejected() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"{ "year": 2027, "decidedDates": { "teet": ["2027-02-05"] } }"#,
                  to: folder, as: "holidays-2027.json")
        #expect(throws: WorkingCalendarLoadError.unknownRule(year: 2027, ruleID: "teet")) {
            try WorkingCalendar.load(overridesFolder: folder)
        }
    }

    @Test func aFileWithAnImpossibleDateIsRejected() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"{ "year": 2027, "daysOff": [ { "date": "2027-02-30", "vi": "x", "en": "x" } ] }"#,
                  to: folder, as: "holidays-2027.json")
        #expect(throws: WorkingCalendarLoadError.self) {
            try WorkingCalendar.load(overridesFolder: folder)
        }
    }

    @Test func aMissingFolderIsRejected() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        #expect(throws: WorkingCalendarLoadError.folderNotFound(missing.path)) {
            try WorkingCalendar.load(overridesFolder: missing)
        }
    }

    @Test func otherFilesInTheFolderAreIgnored() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("not json", to: folder, as: "README.txt")
        try write("not json", to: folder, as: "holidays-2027.json.bak")
        let calendar = try WorkingCalendar.load(overridesFolder: folder)
        #expect(!calendar.hasPublishedSchedule(for: 2027))
    }

    @Test func aRulesFileCanAddAHolidayFromADate() throws {
        var rules = HolidayRule.labourCode2019
        rules.append(HolidayRule(
            id: "example-day", name: LocalizedName(vi: "Ngày ví dụ", en: "Example day"),
            date: .gregorian(month: 11, day: 24), validFrom: day("2027-01-01"), legalBasis: "example"))
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(JSONEncoder().encode(rules)).write(to: folder.appendingPathComponent("holiday-rules.json"))
        let calendar = try WorkingCalendar.load(overridesFolder: folder)
        #expect(calendar.isWorkingDay(day("2026-11-24")))
        #expect(calendar.reason(for: day("2027-11-24"))
            == .publicHoliday(LocalizedName(vi: "Ngày ví dụ", en: "Example day")))
    }
}
