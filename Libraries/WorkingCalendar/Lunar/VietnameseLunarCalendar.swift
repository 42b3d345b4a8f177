/// Converts between Gregorian days and the Vietnamese lunisolar calendar.
///
/// Why computed, not tabulated: the holiday rules need lunar dates for any year a request
/// may touch, and the Vietnamese calendar is fully determined by astronomy. It follows Hồ
/// Ngọc Đức's published algorithm:
///
/// - a lunar month starts on the civil day (in the calendar's time zone) that contains
///   the new moon;
/// - month 11 is the month that contains the winter solstice;
/// - when 13 new moons separate two months 11, the first month after month 11 that
///   contains no major solar term (*trung khí*) is the leap month and repeats the number
///   of the month before it.
///
/// The time zone matters. Vietnam computes its calendar for UTC+7, China for UTC+8; when a
/// new moon falls between 16:00 and 17:00 UTC the two calendars start a month on
/// different days, and when that shifts a solar term too, a whole month. That is why Tết
/// differs in 1985 (21 Jan in Vietnam, 20 Feb in China), 2007 (17 Feb vs 18 Feb) and
/// 2030 (2 Feb vs 3 Feb). ``vietnam`` is the calendar for UTC+7; another offset can be
/// given to reproduce other calendars (for example 8 for China).
public struct VietnameseLunarCalendar: Sendable, Hashable {
    /// Offset of the calendar's civil time from UTC, in hours.
    public let utcOffsetHours: Double

    /// The calendar computed for UTC+7, as used in Vietnam.
    public static let vietnam = VietnameseLunarCalendar(utcOffsetHours: 7)

    public init(utcOffsetHours: Double) {
        self.utcOffsetHours = utcOffsetHours
    }

    /// Julian day of the new moon of 1900-01-01, the epoch of the new-moon index `k`.
    private static let newMoonEpoch = 2_415_021.076998695
    /// Mean length of a synodic month, in days.
    private static let synodicMonth = 29.530588853

    // MARK: Gregorian → lunar

    /// The lunar date of a Gregorian day.
    public func lunarDate(for day: CalendarDay) -> LunarDate {
        let dayNumber = day.julianDayNumber
        let k = Int(((Double(dayNumber) - Self.newMoonEpoch) / Self.synodicMonth).rounded(.down))
        var monthStart = newMoonDay(k + 1)
        if monthStart > dayNumber {
            monthStart = newMoonDay(k)
        }
        var a11 = month11Start(ofGregorianYear: day.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = day.year
            a11 = month11Start(ofGregorianYear: day.year - 1)
        } else {
            lunarYear = day.year + 1
            b11 = month11Start(ofGregorianYear: day.year + 1)
        }
        let lunarDay = dayNumber - monthStart + 1
        let diff = (monthStart - a11) / 29
        var isLeap = false
        var lunarMonth = diff + 11
        if b11 - a11 > 365 {
            let leapMonthDiff = leapMonthOffset(afterMonth11Starting: a11)
            if diff >= leapMonthDiff {
                lunarMonth = diff + 10
                if diff == leapMonthDiff { isLeap = true }
            }
        }
        if lunarMonth > 12 { lunarMonth -= 12 }
        if lunarMonth >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: lunarDay, month: lunarMonth, year: lunarYear, isLeapMonth: isLeap)
    }

    // MARK: Lunar → Gregorian

    /// The Gregorian day of a lunar date, or `nil` when the date does not exist (a leap
    /// month that the year does not have, or day 30 of a 29-day month).
    public func calendarDay(for date: LunarDate) -> CalendarDay? {
        guard (1...12).contains(date.month), (1...30).contains(date.day),
              let monthStart = firstDayNumber(ofMonth: date.month, isLeap: date.isLeapMonth, lunarYear: date.year)
        else { return nil }
        let nextStart = newMoonDay(newMoonIndex(ofDayNumber: monthStart) + 1)
        guard date.day <= nextStart - monthStart else { return nil }
        return CalendarDay(julianDayNumber: monthStart + date.day - 1)
    }

    /// The first day of lunar year `lunarYear` (*mùng 1 Tết*).
    public func newYearsDay(ofLunarYear lunarYear: Int) -> CalendarDay {
        calendarDay(for: LunarDate(day: 1, month: 1, year: lunarYear))!
    }

    /// The last day of lunar year `lunarYear` (*ngày cuối năm*, the 29th or 30th of
    /// month 12), i.e. the eve of the next Tết.
    public func lastDay(ofLunarYear lunarYear: Int) -> CalendarDay {
        newYearsDay(ofLunarYear: lunarYear + 1).previous
    }

    /// The number (1–12) of the month that is repeated as a leap month in `lunarYear`, or
    /// `nil` when that lunar year has twelve months.
    public func leapMonth(inLunarYear lunarYear: Int) -> Int? {
        (1...12).first { month in
            firstDayNumber(ofMonth: month, isLeap: true, lunarYear: lunarYear) != nil
        }
    }

    // MARK: Internals

    /// Civil day (JDN) of the `k`-th new moon in this calendar's zone.
    private func newMoonDay(_ k: Int) -> Int {
        LunarAstronomy.newMoonDay(k, offsetHours: utcOffsetHours)
    }

    private func sunSector(_ dayNumber: Int) -> Int {
        LunarAstronomy.sunLongitudeSector(dayNumber: dayNumber, offsetHours: utcOffsetHours)
    }

    /// The new-moon index `k` of the month that starts on `dayNumber`.
    private func newMoonIndex(ofDayNumber dayNumber: Int) -> Int {
        Int((0.5 + (Double(dayNumber) - Self.newMoonEpoch) / Self.synodicMonth).rounded(.down))
    }

    /// First day (JDN) of lunar month 11 that begins in, or just before the end of,
    /// Gregorian year `year`: the month containing the winter solstice.
    private func month11Start(ofGregorianYear year: Int) -> Int {
        let off = CalendarDay(year: year, month: 12, day: 31).julianDayNumber - 2_415_021
        let k = Int((Double(off) / Self.synodicMonth).rounded(.down))
        let nm = newMoonDay(k)
        // If the sun is already past 270° at that new moon, the solstice is in the
        // previous month.
        if sunSector(nm) >= 9 {
            return newMoonDay(k - 1)
        }
        return nm
    }

    /// Position (1 = the month right after month 11) of the leap month in the 13-month
    /// span that starts with month 11 on `a11`.
    private func leapMonthOffset(afterMonth11Starting a11: Int) -> Int {
        let k = newMoonIndex(ofDayNumber: a11)
        var i = 1
        var arc = sunSector(newMoonDay(k + i))
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = sunSector(newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }

    /// First day (JDN) of the given lunar month, or `nil` if `isLeap` is set and that month
    /// is not the leap month of the year.
    private func firstDayNumber(ofMonth month: Int, isLeap: Bool, lunarYear: Int) -> Int? {
        let a11: Int
        let b11: Int
        if month < 11 {
            a11 = month11Start(ofGregorianYear: lunarYear - 1)
            b11 = month11Start(ofGregorianYear: lunarYear)
        } else {
            a11 = month11Start(ofGregorianYear: lunarYear)
            b11 = month11Start(ofGregorianYear: lunarYear + 1)
        }
        let k = newMoonIndex(ofDayNumber: a11)
        var off = month - 11
        if off < 0 { off += 12 }
        if b11 - a11 > 365 {
            let leapOff = leapMonthOffset(afterMonth11Starting: a11)
            var leapMonth = leapOff - 2
            if leapMonth < 0 { leapMonth += 12 }
            if isLeap && month != leapMonth {
                return nil
            } else if isLeap || off >= leapOff {
                off += 1
            }
        } else if isLeap {
            return nil
        }
        return newMoonDay(k + off)
    }
}
