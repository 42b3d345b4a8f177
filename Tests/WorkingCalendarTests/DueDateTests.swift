import Foundation
import Testing
import WorkingCalendar

/// Service-time due dates: a request received on day D with a limit of N working days is
/// due at the end of the N-th working day after D; D itself never counts.
@Suite("Due dates")
struct DueDateTests {
    let calendar = WorkingCalendar.standard

    @Test func aRequestReceivedOnMondayWithThreeDaysIsDueOnThursday() {
        #expect(calendar.addingWorkingDays(3, to: day("2025-03-03")) == day("2025-03-06"))
    }

    @Test func aRequestReceivedOnFridayIsCountedFromMonday() {
        #expect(calendar.addingWorkingDays(3, to: day("2025-03-07")) == day("2025-03-12"))
    }

    @Test func aRequestReceivedOnSaturdayIsCountedFromMonday() {
        #expect(calendar.addingWorkingDays(3, to: day("2025-03-08")) == day("2025-03-12"))
        #expect(calendar.addingWorkingDays(1, to: day("2025-03-08")) == day("2025-03-10"))
    }

    @Test func aRequestReceivedOnSundayIsCountedFromMonday() {
        #expect(calendar.addingWorkingDays(5, to: day("2025-03-09")) == day("2025-03-14"))
    }

    @Test func anImmediateRequestIsDueOnTheDayOfReceipt() {
        #expect(calendar.addingWorkingDays(0, to: day("2025-03-08")) == day("2025-03-08"))
    }

    @Test func aRequestReceivedJustBeforeTet2025WaitsForTheHolidayToEnd() {
        // Friday 24 Jan 2025, limit 3: off 25 Jan – 2 Feb, then Mon 3, Tue 4, Wed 5 Feb.
        #expect(calendar.addingWorkingDays(3, to: day("2025-01-24")) == day("2025-02-05"))
    }

    @Test func aRuralConnectionRequestSpansTet2025() {
        // Wednesday 22 Jan 2025, limit 5: Thu 23, Fri 24, Mon 3, Tue 4, Wed 5 Feb.
        #expect(calendar.addingWorkingDays(5, to: day("2025-01-22")) == day("2025-02-05"))
    }

    @Test func aRequestReceivedJustBeforeTet2026IsDueAfterTheNineDayBreak() {
        // Thursday 12 Feb 2026, limit 3: Fri 13, Mon 23, Tue 24 Feb.
        #expect(calendar.addingWorkingDays(3, to: day("2026-02-12")) == day("2026-02-24"))
    }

    @Test func aRequestFiledOnlineDuringTet2026IsCountedFromTheFirstDayBack() {
        // Tuesday 17 Feb 2026 (mùng 1 Tết), limit 3: Mon 23, Tue 24, Wed 25 Feb.
        #expect(calendar.addingWorkingDays(3, to: day("2026-02-17")) == day("2026-02-25"))
    }

    @Test func aRequestReceivedBefore30April2025SkipsTheFiveDayBreak() {
        // Tuesday 29 Apr 2025, limit 3: off 30 Apr – 4 May, then Mon 5, Tue 6, Wed 7 May.
        #expect(calendar.addingWorkingDays(3, to: day("2025-04-29")) == day("2025-05-07"))
    }

    @Test func aMakeUpSaturdayCountsAsAWorkingDay() {
        // Friday 25 Apr 2025: Saturday 26 Apr is worked in exchange for Friday 2 May.
        #expect(calendar.addingWorkingDays(1, to: day("2025-04-25")) == day("2025-04-26"))
        #expect(calendar.addingWorkingDays(3, to: day("2025-04-25")) == day("2025-04-29"))
    }

    @Test func aRequestReceivedBeforeNationalDay2025SkipsTheFourDayBreak() {
        // Thursday 28 Aug 2025, limit 7: Fri 29 Aug, then 3, 4, 5, 8, 9, 10 Sep.
        #expect(calendar.addingWorkingDays(7, to: day("2025-08-28")) == day("2025-09-10"))
    }

    @Test func aMediumVoltageConnectionCountsThirtyWorkingDays() {
        // Monday 6 Jan 2025 + 30 working days, with Tết (5 weekdays) in between.
        #expect(calendar.addingWorkingDays(30, to: day("2025-01-06")) == day("2025-02-24"))
    }

    @Test func aRequestSubmittedLateInTheUtcEveningIsDatedInVietnam() throws {
        // 23:30 UTC on Thursday 6 Mar 2025 is 06:30 on Friday 7 Mar in Vietnam.
        let received = CalendarDay(try Date("2025-03-06T23:30:00Z", strategy: .iso8601))
        #expect(calendar.addingWorkingDays(1, to: received) == day("2025-03-10"))
    }

    @Test func aNegativeLimitCountsBackwards() {
        #expect(calendar.addingWorkingDays(-3, to: day("2025-02-05")) == day("2025-01-24"))
    }

    @Test func theNextWorkingDayAfterTheLastTetDayIsTheFirstDayBack() {
        #expect(calendar.nextWorkingDay(after: day("2026-02-20")) == day("2026-02-23"))
    }

    // MARK: Outcomes

    @Test func aRequestCompletedOnItsDueDateUsedExactlyItsLimit() {
        #expect(calendar.workingDays(from: day("2025-01-24"), to: day("2025-02-05")) == 3)
    }

    @Test func aRequestCompletedTheWorkingDayAfterItsDueDateIsLate() {
        #expect(calendar.workingDays(from: day("2025-01-24"), to: day("2025-02-06")) == 4)
    }

    @Test func aRequestCompletedOnTheDayOfReceiptTookNoWorkingDay() {
        #expect(calendar.workingDays(from: day("2025-03-05"), to: day("2025-03-05")) == 0)
    }

    @Test func completingOnTheWeekendAfterTheDueDateAddsNoWorkingDay() {
        // Received Tuesday 4 Mar 2025, limit 3, due Friday 7 Mar; done Saturday 8 Mar.
        #expect(calendar.workingDays(from: day("2025-03-04"), to: day("2025-03-08")) == 3)
    }

    @Test func workingDaysAreCountedAcrossTheYearEnd() {
        // 31 Dec 2024 → 2 Jan 2025: New Year's Day is off, Thursday 2 Jan counts.
        #expect(calendar.workingDays(from: day("2024-12-31"), to: day("2025-01-02")) == 1)
    }

    @Test func workingDaysAreCountedOverSeveralYears() {
        let direct = calendar.workingDays(from: day("2023-06-15"), to: day("2026-06-15"))
        var stepped = 0
        var date = day("2023-06-15")
        while date < day("2026-06-15") {
            date = date.next
            if calendar.isWorkingDay(date) { stepped += 1 }
        }
        #expect(direct == stepped)
    }

    @Test func swappingTheDatesNegatesTheCount() {
        #expect(calendar.workingDays(from: day("2025-02-05"), to: day("2025-01-24")) == -3)
    }

    @Test func dueDateAndElapsedWorkingDaysAgree() {
        var mismatches: [String] = []
        for start in days("2024-01-01", through: "2026-12-31") {
            for limit in [1, 3, 5, 7, 15, 30] {
                let due = calendar.addingWorkingDays(limit, to: start)
                if calendar.workingDays(from: start, to: due) != limit || !calendar.isWorkingDay(due) {
                    mismatches.append("\(start)+\(limit)")
                }
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func concurrentCallersGetTheSameDueDates() async {
        let fresh = WorkingCalendar()
        let starts = days("2024-01-01", through: "2026-12-31")
        let expected = starts.map { calendar.addingWorkingDays(5, to: $0) }
        let results = await withTaskGroup(of: [CalendarDay].self) { group in
            for _ in 0..<8 {
                group.addTask { starts.map { fresh.addingWorkingDays(5, to: $0) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
