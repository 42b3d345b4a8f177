import Foundation
import Prometheus
import TestSupport
import Testing
import WorkingCalendar

/// A due date counted over a year the government has not published a schedule for is
/// provisional: operators see it on `/metrics` for every due date, and once per year in
/// the log. The built-in schedules stop at 2026.
@Suite struct UnpublishedYearWarningTests {
    private let logs = CapturedLogs()
    private let registry = PrometheusCollectorRegistry()

    private func warning(on calendar: WorkingCalendar = .standard) -> UnpublishedYearWarning {
        UnpublishedYearWarning(
            calendar: calendar, logger: logs.logger("crm"), metrics: PrometheusMetricsFactory(registry: registry))
    }

    private var warnings: [CapturedLogs.Line] {
        logs.all.filter { $0.level == .warning }
    }

    @Test func aDueDateInAPublishedYearIsNotWarnedAbout() {
        warning().note(dueDate: day("2026-09-04"), countedFrom: day("2026-09-01"))
        #expect(warnings.isEmpty)
        #expect(!registry.emitToString().contains("working_calendar_unpublished_year_total"))
    }

    @Test func everyDueDateInAnUnpublishedYearCountsButTheLogWarnsOnce() {
        let warning = warning()
        warning.note(dueDate: day("2027-03-04"), countedFrom: day("2027-03-01"))
        warning.note(dueDate: day("2027-05-10"), countedFrom: day("2027-05-05"))
        #expect(registry.emitToString().contains(#"working_calendar_unpublished_year_total{year="2027"} 2"#))
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["year"] == "2027")
        #expect(warnings.first?.metadata["file"] == "holidays-2027.json")
        #expect(warnings.first?.message.contains("without a published holiday schedule") == true)
    }

    @Test func eachUnpublishedYearIsWarnedAboutOnItsOwn() {
        let warning = warning()
        warning.note(dueDate: day("2027-03-04"), countedFrom: day("2027-03-01"))
        warning.note(dueDate: day("2028-03-06"), countedFrom: day("2028-03-01"))
        #expect(warnings.map { $0.metadata["year"] } == ["2027", "2028"])
        #expect(registry.emitToString().contains(#"working_calendar_unpublished_year_total{year="2028"} 1"#))
    }

    @Test func aDueDateAcrossTheNewYearCountsTheUnpublishedYearOnly() {
        // Received Thursday 31 Dec 2026, 3 working days: due in January 2027.
        warning().note(dueDate: day("2027-01-06"), countedFrom: day("2026-12-31"))
        #expect(warnings.map { $0.metadata["year"] } == ["2027"])
        #expect(!registry.emitToString().contains(#"year="2026""#))
    }

    @Test func aLoadedScheduleForTheYearSilencesTheWarning() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(#"{ "year": 2027 }"#, to: folder, as: "holidays-2027.json")
        warning(on: try WorkingCalendar.load(overridesFolder: folder))
            .note(dueDate: day("2027-03-04"), countedFrom: day("2027-03-01"))
        #expect(warnings.isEmpty)
        #expect(!registry.emitToString().contains("working_calendar_unpublished_year_total"))
    }
}
