import Contracts
import Foundation
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test func encodesAsItsYYYYMMDDText() throws {
        let date = try #require(CalendarDate("2025-11-27"))
        #expect(String(decoding: try WireJSON.encode([date]), as: UTF8.self) == #"["2025-11-27"]"#)
        #expect(try WireJSON.roundTrip(date) == date)
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-11-00", "2025-11-31", "25-11-27", "2025-1-27", "2025/11/27",
                      "2025-11-27T00:00:00Z", "２０２５-11-27", ""])
    func refusesWhatIsNotARealDay(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func acceptsTheLeapDayOfALeapYear() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
    }

    @Test func aMalformedDayInABodyDoesNotDecode() {
        #expect(throws: DecodingError.self) { try WireJSON.decode([CalendarDate].self, from: Data(#"["2025-02-30"]"#.utf8)) }
    }

    @Test func daysSortInCalendarOrder() throws {
        #expect(try #require(CalendarDate("2025-09-30")) < #require(CalendarDate("2025-10-01")))
    }
}
