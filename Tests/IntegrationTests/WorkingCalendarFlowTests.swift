import FlowDriver
import Foundation
import TestSupport
import Testing
import WorkingCalendar

/// A due date counted on a year whose holidays the government has not published yet: crm counts
/// it on the statutory holidays alone, says so on `/metrics`, and the branch console warns the
/// officers who promise it; once the year's schedule is published as a file
/// (`WORKING_CALENDAR_OVERRIDES`), the due date follows it and the warning is gone. A
/// medium-voltage connection's 30 working days reach into the next year from the last weeks of
/// this one; each run publishes the year its due date falls in. Across the real services.
@Suite(.serialized) struct WorkingCalendarFlowTests {
    static let services = ["intake", "crm", "households", "notification"]

    @Test func aDueDateInAnUnpublishedYearIsFlaggedUntilItsScheduleIsPublished() async throws {
        let unpublished = try await Platform.run("calendar-unpublished", services: Self.services) { platform in
            let due = try await Self.mediumVoltageDueDate(on: platform)
            let year = due.year
            try #require(!WorkingCalendar.standard.hasPublishedSchedule(for: year),
                         "the due date falls in \(year), which the built-in calendar publishes")
            let metrics = try await platform.http.call(.GET, "\(platform.url("crm"))/metrics").text
            #expect(metrics.contains(#"working_calendar_unpublished_year_total{year="\#(year)"}"#), "\(year) is counted")
            let console = try await Self.ticketList(on: platform)
            #expect(console.contains(#"id="calendar-warning""#), "the console warns the officers")
            #expect(console.contains("Lịch nghỉ lễ, Tết năm \(year) chưa được công bố"))
            return due
        }

        // The government publishes a day off before that due date: the file moves it one working day.
        let dayOff = Self.firstWorkingDay(of: unpublished.year, after: CalendarDay(Date()))
        try #require(dayOff < unpublished, "\(dayOff) falls before the due date \(unpublished)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            { "year": \(unpublished.year), "sources": ["Quyết định (thử nghiệm)"],
              "daysOff": [ { "date": "\(dayOff)", "vi": "Nghỉ theo quyết định", "en": "Day off by decision" } ] }
            """.utf8).write(to: folder.appendingPathComponent(WorkingCalendar.scheduleFileName(for: unpublished.year)))

        try await Platform.run("calendar-published", services: Self.services,
                               settings: ["WORKING_CALENDAR_OVERRIDES": folder.path]) { platform in
            let due = try await Self.mediumVoltageDueDate(on: platform)
            #expect(due == WorkingCalendar.standard.nextWorkingDay(after: unpublished),
                    "the published day off \(dayOff) moves \(unpublished) by one working day, to \(due)")
            let metrics = try await platform.http.call(.GET, "\(platform.url("crm"))/metrics").text
            #expect(!metrics.contains(#"working_calendar_unpublished_year_total{year="\#(due.year)"}"#))
            #expect(!(try await Self.ticketList(on: platform)).contains(#"id="calendar-warning""#))
        }
    }

    /// The due date crm gives a medium-voltage connection filed now (30 working days).
    static func mediumVoltageDueDate(on platform: Platform) async throws -> CalendarDay {
        let journey = try await Journey.file(SampleCustomer.make(households: 1), kind: "new_mv_connection", on: platform)
        let ticket = try await journey.ticket()
        #expect(ticket["slaLimitWorkingDays"] as? Int == 30)
        return try #require((ticket["dueDate"] as? String).flatMap(CalendarDay.init))
    }

    /// The branch console's ticket list as PC05TK's officer opens it.
    static func ticketList(on platform: Platform) async throws -> String {
        let officer = try await platform.staff.token(.customerService, unit: "PC05TK")
        let page = try await platform.http.call(.GET, "\(platform.url("crm"))/phieu",
                                                headers: ["Cookie": "staff_token=\(officer)"])
        #expect(page.status == 200)
        return page.text
    }

    /// The first working day of `year` (on the statutory holidays) after `today`.
    static func firstWorkingDay(of year: Int, after today: CalendarDay) -> CalendarDay {
        let newYear = CalendarDay(year: year, month: 1, day: 1)
        return WorkingCalendar.standard.nextWorkingDay(after: today < newYear ? newYear : today)
    }
}
