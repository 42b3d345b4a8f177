extension HolidayRule {
    /// Rule id of Tết, under which year schedules record the five decided days.
    public static let tetID = "tet"
    /// Rule id of National Day's adjacent day (1 or 3 September), decided each year.
    public static let nationalDayAdjacentID = "national-day-adjacent"

    /// The public holidays of the Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14),
    /// art. 112.1, in force from 1 January 2021: 11 days a year.
    ///
    /// - 1 January (a), Tết 5 days (b), 30 April (c), 1 May (d), 2 September plus one
    ///   adjacent day (đ), Hùng Kings' Day 10/3 lunar (e).
    /// - The Prime Minister decides the exact days of (b) and (đ) each year (art. 112.3);
    ///   those decisions live in ``YearSchedule/decidedDates``.
    /// - A holiday that falls on a weekly rest day gives a compensatory day off on the
    ///   next working day (art. 111.3); ``WorkingCalendar`` derives those, they are not
    ///   rules.
    ///
    /// Before 2021 (Labour Code 2012) National Day was one day, hence the `validFrom` of
    /// the adjacent day. Not included: Vietnam Culture Day (24 November), which the
    /// Politburo chose in January 2026 as a paid day off but which, as of the latest
    /// sources checked (February 2026), still awaited an amendment of art. 112.1; add it as
    /// a rule with its `validFrom` once the amendment is law.
    public static let labourCode2019: [HolidayRule] = [
        HolidayRule(
            id: "new-year",
            name: LocalizedName(vi: "Tết Dương lịch", en: "New Year's Day"),
            date: .gregorian(month: 1, day: 1),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.a"),
        HolidayRule(
            id: tetID,
            name: LocalizedName(vi: "Tết Âm lịch", en: "Lunar New Year (Tết)"),
            date: .lunarNewYear(daysBefore: 1, daysAfter: 4),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.b và 112.3"),
        HolidayRule(
            id: "hung-kings",
            name: LocalizedName(vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration Day"),
            date: .lunar(month: 3, day: 10),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.e"),
        HolidayRule(
            id: "victory-day",
            name: LocalizedName(vi: "Ngày Chiến thắng", en: "Reunification Day"),
            date: .gregorian(month: 4, day: 30),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.c"),
        HolidayRule(
            id: "labour-day",
            name: LocalizedName(vi: "Ngày Quốc tế lao động", en: "International Labour Day"),
            date: .gregorian(month: 5, day: 1),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.d"),
        HolidayRule(
            id: "national-day",
            name: LocalizedName(vi: "Quốc khánh", en: "National Day"),
            date: .gregorian(month: 9, day: 2),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.đ"),
        HolidayRule(
            id: nationalDayAdjacentID,
            name: LocalizedName(vi: "Quốc khánh (ngày liền kề)", en: "National Day (adjacent day)"),
            date: .adjacentTo(month: 9, day: 2),
            validFrom: CalendarDay(year: 2021, month: 1, day: 1),
            legalBasis: "Bộ luật Lao động 2019, Điều 112.1.đ và 112.3"),
    ]
}
