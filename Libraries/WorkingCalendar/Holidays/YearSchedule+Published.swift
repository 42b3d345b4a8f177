extension YearSchedule {
    /// The schedules published for civil servants and public employees (*cán bộ, công
    /// chức, viên chức*), which the corporation's offices follow, for the years already
    /// announced. A `holidays-YYYY.json` file in the overrides folder replaces a year.
    ///
    /// Every date below was checked against a published notice or a press report of it;
    /// the sources are kept with each year. Where a notice gives only the span of days off
    /// and not how it splits into statutory and compensatory days, the split is stated as
    /// inferred in `notes`: the span is what was published and what the tests check.
    public static let published: [YearSchedule] = [year2024, year2025, year2026]

    /// 2024 (Ministry of Labour, Invalids and Social Affairs; Prime Minister's approval).
    static let year2024 = YearSchedule(
        year: 2024,
        sources: [
            "Tết 8–14 Feb 2024 and National Day 31 Aug–3 Sep 2024 approved by the Prime Minister on MOLISA's proposal: Viet Nam News, 'One-week break approved for Tết holiday in 2024', 2023-11-05, https://vietnamnews.vn/society/1636141/one-week-break-approved-for-tet-holiday-in-2024.html",
            "30 Apr–1 May: Government Office document 2450/VPCP-KGVX of 12 Apr 2024, Monday 29 Apr swapped with Saturday 4 May, off 27 Apr–1 May: baotintuc.vn, https://baotintuc.vn/infographics/ngay-nghi-le-dip-gio-to-hung-vuong-va-304-152024-20240412212054381.htm; SGGP, 'HCMC announces five days off on Reunification Day, Int'l Labor Day', https://en.sggp.org.vn/hcmc-announces-five-days-off-on-reunification-day-intl-labor-day-post109431.html",
            "National Day: SGGP (VietnamPlus), 'National Day holiday to last four days', https://en.sggp.org.vn/national-day-holiday-to-last-four-days-post111612.html — Saturday 31 Aug, holidays Sunday 1 and Monday 2 Sep, additional day Tuesday 3 Sep",
        ],
        notes: [
            "Tết: the notice gives the span 8–14 Feb (Thursday to Wednesday). The 5 statutory days are recorded as 8–12 Feb (2 days before Tết, 3 after); with Saturday 10 and Sunday 11 compensated on 13–14 Feb (art. 111.3) this gives exactly the published span. The split is inferred, the span is published.",
            "National Day: one report (Báo Khánh Hòa, 31 Aug 2024) speaks of 'September 2 and 3'; the ministry's text quoted by SGGP names Sunday 1 Sep as the adjacent holiday and Tuesday 3 Sep as the additional (compensatory) day. Both give days off 31 Aug–3 Sep.",
            "New Year's Day (Monday 1 Jan) and Hùng Kings' Day (Thursday 18 Apr) follow from the rules with no decision needed.",
        ],
        decidedDates: [
            HolidayRule.tetID: [
                CalendarDay(year: 2024, month: 2, day: 8), CalendarDay(year: 2024, month: 2, day: 9),
                CalendarDay(year: 2024, month: 2, day: 10), CalendarDay(year: 2024, month: 2, day: 11),
                CalendarDay(year: 2024, month: 2, day: 12),
            ],
            HolidayRule.nationalDayAdjacentID: [CalendarDay(year: 2024, month: 9, day: 1)],
        ],
        daysOff: [
            ScheduledDay(
                CalendarDay(year: 2024, month: 4, day: 29),
                vi: "Nghỉ hoán đổi dịp 30/4–1/5 (làm bù Thứ Bảy 4/5/2024)",
                en: "Swapped day off for 30 Apr–1 May (worked on Saturday 4 May 2024)"),
        ],
        workingDays: [
            ScheduledDay(
                CalendarDay(year: 2024, month: 5, day: 4),
                vi: "Làm bù cho ngày nghỉ hoán đổi 29/4/2024",
                en: "Make-up working day for the swapped day off on 29 Apr 2024"),
        ])

    /// 2025 (Notice 6150/TB-BLĐTBXH, Ministry of Labour, Invalids and Social Affairs, and
    /// the Ministry of Home Affairs' National Day announcement).
    static let year2025 = YearSchedule(
        year: 2025,
        sources: [
            "Tết: Prime Minister approved MOLISA's proposal (Government Office, 26 Nov 2024): Tết 27–31 Jan 2025 (28 Chạp Giáp Thìn – mùng 3 Ất Tỵ), off 25 Jan–2 Feb. SGGP, 'Prime Minister approves 9-day Tet break for 2025', https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2025-post114084.html; Viet Nam News, https://vietnamnews.vn/society/1687874/pm-approves-proposal-for-9-day-continuous-tet-holiday-in-2025.html",
            "30 Apr–1 May: Notice 6150/TB-BLĐTBXH (2024), working day Friday 2 May swapped to Saturday 26 Apr, off 30 Apr–4 May. LawNet, https://lawnet.vn/thong-tin-phap-luat/en/chinh-sach-moi/schedule-for-the-april-30-and-may-1-2025-holidays-for-officials-and-public-employees-in-vietnam-176134.html; Government portal, https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm",
            "National Day: Ministry of Home Affairs, off Saturday 30 Aug – Tuesday 2 Sep, adjacent day Monday 1 Sep. Viet Nam News, 'National Day holiday to last four days', 2025-08-04, https://vietnamnews.vn/society/1722634/national-day-holiday-to-last-four-days.html; SGGP, https://en.sggp.org.vn/vietnamese-workers-to-have-four-days-off-for-national-day-2025-post119346.html",
        ],
        notes: [
            "New Year's Day (Wednesday 1 Jan) and Hùng Kings' Day (Monday 7 Apr, off 5–7 Apr with the weekend) follow from the rules.",
        ],
        decidedDates: [
            HolidayRule.tetID: [
                CalendarDay(year: 2025, month: 1, day: 27), CalendarDay(year: 2025, month: 1, day: 28),
                CalendarDay(year: 2025, month: 1, day: 29), CalendarDay(year: 2025, month: 1, day: 30),
                CalendarDay(year: 2025, month: 1, day: 31),
            ],
            HolidayRule.nationalDayAdjacentID: [CalendarDay(year: 2025, month: 9, day: 1)],
        ],
        daysOff: [
            ScheduledDay(
                CalendarDay(year: 2025, month: 5, day: 2),
                vi: "Nghỉ hoán đổi dịp 30/4–1/5 (làm bù Thứ Bảy 26/4/2025)",
                en: "Swapped day off for 30 Apr–1 May (worked on Saturday 26 Apr 2025)"),
        ],
        workingDays: [
            ScheduledDay(
                CalendarDay(year: 2025, month: 4, day: 26),
                vi: "Làm bù cho ngày nghỉ hoán đổi 2/5/2025",
                en: "Make-up working day for the swapped day off on 2 May 2025"),
        ])

    /// 2026 (Notice 9441/TB-BNV of 16 Oct 2025, Ministry of Home Affairs, and Government
    /// Office dispatch 12729/VPCP-KGVX of 25 Dec 2025 for New Year).
    static let year2026 = YearSchedule(
        year: 2026,
        sources: [
            "New Year: Government Office dispatch 12729/VPCP-KGVX of 25 Dec 2025, off Thursday 1 – Sunday 4 Jan 2026, Friday 2 Jan swapped with Saturday 10 Jan. SGGP, 'Government approves four-day New Year holiday for 2026', https://en.sggp.org.vn/government-approves-four-day-new-year-holiday-for-2026-post122755.html; VNA, https://vietnam.vnanet.vn/english/tin-van/civil-servants-public-employees-to-have-four-day-new-year-break-418376.html",
            "Tết: Notice 9441/TB-BNV of 16 Oct 2025, Tết Monday 16 Feb (29 Chạp Ất Tỵ) – Friday 20 Feb 2026 (mùng 4 Bính Ngọ), off 14–22 Feb. vietbao.vn, https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html; Viet Nam News, https://vietnamnews.vn/society/1726474/nine-day-tet-holiday-approved-for-state-employees.html",
            "National Day: same notice, holidays 1 and 2 Sep 2026, Monday 31 Aug swapped with Saturday 22 Aug, off 29 Aug – 2 Sep. Hải Phòng People's Committee relaying Notice 9441/TB-BNV (baohaiphong.vn, via https://www.vietnam.vn/ro/cong-chuc-vien-chuc-nguoi-lao-dong-hai-phong-duoc-nghi-tet-binh-ngo-lien-tuc-9-ngay); SGGP, https://en.sggp.org.vn/prime-minister-approves-9-day-tet-break-for-2026-post120979.html",
        ],
        notes: [
            "Hùng Kings' Day is Sunday 26 Apr 2026; the compensatory Monday 27 Apr follows from art. 111.3, and 30 Apr–1 May fall on Thursday–Friday (off 30 Apr–3 May). The Ministry of Home Affairs described these breaks so in Dec 2025 (Bắc Ninh newspaper, https://en.baobacninhtv.vn/vietnam-proposes-4-day-new-year-break-to-boost-travel-and-spending-postid433917.bbg); no separate notice was found.",
            "Vietnam Culture Day (24 Nov) is NOT included: chosen by Politburo Resolution 80-NQ/TW (Jan 2026) as a paid day off, but the Labour Code amendment giving it legal effect was still being prepared in Feb 2026 (Government Resolution 30/NQ-CP). Add it as a holiday rule, or as a day off here, once it is law for 2026.",
        ],
        decidedDates: [
            HolidayRule.tetID: [
                CalendarDay(year: 2026, month: 2, day: 16), CalendarDay(year: 2026, month: 2, day: 17),
                CalendarDay(year: 2026, month: 2, day: 18), CalendarDay(year: 2026, month: 2, day: 19),
                CalendarDay(year: 2026, month: 2, day: 20),
            ],
            HolidayRule.nationalDayAdjacentID: [CalendarDay(year: 2026, month: 9, day: 1)],
        ],
        daysOff: [
            ScheduledDay(
                CalendarDay(year: 2026, month: 1, day: 2),
                vi: "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù Thứ Bảy 10/1/2026)",
                en: "Swapped day off for New Year (worked on Saturday 10 Jan 2026)"),
            ScheduledDay(
                CalendarDay(year: 2026, month: 8, day: 31),
                vi: "Nghỉ hoán đổi dịp Quốc khánh (làm bù Thứ Bảy 22/8/2026)",
                en: "Swapped day off for National Day (worked on Saturday 22 Aug 2026)"),
        ],
        workingDays: [
            ScheduledDay(
                CalendarDay(year: 2026, month: 1, day: 10),
                vi: "Làm bù cho ngày nghỉ hoán đổi 2/1/2026",
                en: "Make-up working day for the swapped day off on 2 Jan 2026"),
            ScheduledDay(
                CalendarDay(year: 2026, month: 8, day: 22),
                vi: "Làm bù cho ngày nghỉ hoán đổi 31/8/2026",
                en: "Make-up working day for the swapped day off on 31 Aug 2026"),
        ])
}
