import Foundation
import WorkingCalendar

/// `"YYYY-MM-DD"` → day; the tests write dates as on a calendar page.
func day(_ text: String) -> CalendarDay {
    guard let value = CalendarDay(text) else { fatalError("bad test date \(text)") }
    return value
}

/// Every day from `first` through `last`.
func days(_ first: String, through last: String) -> [CalendarDay] {
    let start = day(first)
    return (0...start.days(to: day(last))).map { start.adding(days: $0) }
}

/// A fresh, empty temporary folder for override files.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("working-calendar-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func write(_ text: String, to folder: URL, as name: String) throws {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
}
