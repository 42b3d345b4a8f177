import Foundation

/// The two astronomical quantities the Vietnamese lunisolar calendar is built from: the
/// instants of new moon and the sun's ecliptic longitude.
///
/// These are the low-precision series (from Jean Meeus, *Astronomical Algorithms*) used by
/// Hồ Ngọc Đức's well-known implementation of the Vietnamese calendar. They are kept
/// term for term as published, because month boundaries are decided by whole days: a
/// "more accurate" formula could move a new moon across local midnight and so disagree
/// with the published Vietnamese calendars that this algorithm reproduces.
enum LunarAstronomy {
    /// Julian day (with fraction, in Terrestrial Time corrected to UT) of the `k`-th new
    /// moon, counting from the new moon of 1900-01-01 (k = 0).
    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        return jd1 + c1 - deltaT
    }

    /// The sun's apparent ecliptic longitude, in radians in [0, 2π), at Julian day `jd`
    /// (with fraction, UT).
    static func sunLongitude(_ jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= 2 * Double.pi * (l / (2 * Double.pi)).rounded(.down)
        return l
    }

    /// Julian day number of the civil day, in a zone `offsetHours` east of UTC, on which
    /// the `k`-th new moon falls. That day is day 1 of a lunar month.
    static func newMoonDay(_ k: Int, offsetHours: Double) -> Int {
        Int((newMoon(k) + 0.5 + offsetHours / 24).rounded(.down))
    }

    /// The 30° sector (0–11) of the sun's longitude at the start of civil day `jdn` in a
    /// zone `offsetHours` east of UTC. Sector 9 begins at the winter solstice (270°);
    /// a month in which the sector does not change contains no major solar term
    /// (*trung khí*) and is the leap month.
    static func sunLongitudeSector(dayNumber jdn: Int, offsetHours: Double) -> Int {
        Int((sunLongitude(Double(jdn) - 0.5 - offsetHours / 24) / Double.pi * 6).rounded(.down))
    }
}
