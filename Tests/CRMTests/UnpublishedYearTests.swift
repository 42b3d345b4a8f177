@testable import CRM
import Foundation
import TestSupport
import Testing
import WorkingCalendar

/// A ticket whose due date is counted over a year without a published holiday schedule is
/// warned about in crm's log, once per year, until `WORKING_CALENDAR_OVERRIDES` publishes it,
/// and on the branch console while such a ticket is open.
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

    /// The branch console as its officers see it on the day `now`, with one request received then.
    private func branchConsole(at now: String, code: String) async throws -> (tickets: String, board: String) {
        var pages: [String] = []
        try await CRMHarness.run(at: vietnamTime(now)) { crm in
            try await crm.publish(Samples.submitted(code, at: vietnamTime(now)), correlationId: code)
            try await eventually("the ticket is open") { try await crm.count("crm_tickets") >= 1 }
            let token = try await crm.token(unit: "PC05TK")
            for path in ["phieu", "bang-tin"] {
                let answer = try await crm.call("GET", path, headers: ["Cookie": "staff_token=\(token)"])
                #expect(answer.status == 200)
                pages.append(String(decoding: answer.body, as: UTF8.self))
            }
        }
        try #require(pages.count == 2)
        return (pages[0], pages[1])
    }

    @Test func theBranchConsoleWarnsWhileADueDateFallsInAnUnpublishedYear() async throws {
        // Received Wednesday 30 Dec 2026: its working days run into 2027, not yet published.
        let pages = try await branchConsole(at: "2026-12-30 09:00", code: "PC05TK-261230-000001")
        for html in [pages.tickets, pages.board] {
            let banner = try #require(PageElement(id: "calendar-warning", in: html)).inner
            #expect(banner.contains("Lịch nghỉ lễ, Tết năm 2027 chưa được công bố"))
        }
        #expect(pages.tickets.contains("PC05TK-261230-000001"))
    }

    @Test func theBranchConsoleIsQuietWhenEveryDueDateIsOnAPublishedYear() async throws {
        let pages = try await branchConsole(at: "2026-09-08 09:00", code: "PC05TK-260908-000001")
        #expect(pages.tickets.contains("PC05TK-260908-000001"))
        #expect(PageElement(id: "calendar-warning", in: pages.tickets) == nil)
        #expect(PageElement(id: "calendar-warning", in: pages.board) == nil)
    }
}
