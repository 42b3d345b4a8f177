@testable import CRM
import Foundation
import TestSupport
import Testing
import WorkingCalendar

/// A ticket whose due date is counted over a year without a published holiday schedule is
/// warned about in crm's log, once per year, until `WORKING_CALENDAR_OVERRIDES` publishes it.
@Suite struct UnpublishedYearTests {
    private let logs = CapturedLogs()

    private var warnedYears: [String?] {
        logs.all.filter { $0.level == .warning }.map { $0.metadata["year"] }
    }

    @Test func dueDatesIn2027AreWarnedAboutOnceWithTheFileToPublish() throws {
        let policy = try ServiceTimePolicy.load(environment: [:], logger: logs.logger("crm"))
        // Monday 1 Mar 2027, 3 working days: Thursday 4 Mar, on the statutory rules alone.
        #expect(policy.dueDate(receivedOn: CalendarDay(year: 2027, month: 3, day: 1), limit: 3)
            == CalendarDay(year: 2027, month: 3, day: 4))
        _ = policy.dueDate(receivedOn: CalendarDay(year: 2027, month: 3, day: 2), limit: 5)
        #expect(warnedYears == ["2027"])
        #expect(logs.all.first { $0.level == .warning }?.metadata["file"] == "holidays-2027.json")
    }

    @Test func dueDatesInAPublishedYearAreNotWarnedAbout() throws {
        let policy = try ServiceTimePolicy.load(environment: [:], logger: logs.logger("crm"))
        _ = policy.dueDate(receivedOn: CalendarDay(year: 2026, month: 3, day: 2), limit: 3)
        #expect(warnedYears.isEmpty)
    }

    @Test func aYearPublishedInTheOverridesFolderIsNotWarnedAbout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{ "year": 2027 }"#.utf8).write(to: folder.appendingPathComponent("holidays-2027.json"))
        let policy = try ServiceTimePolicy.load(
            environment: [ServiceTimePolicy.overridesSetting: folder.path], logger: logs.logger("crm"))
        _ = policy.dueDate(receivedOn: CalendarDay(year: 2027, month: 3, day: 1), limit: 3)
        #expect(warnedYears.isEmpty)
    }
}
