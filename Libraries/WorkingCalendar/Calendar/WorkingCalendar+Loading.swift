import Foundation

extension WorkingCalendar {
    /// File name of a year's schedule in the overrides folder: `holidays-YYYY.json`.
    public static func scheduleFileName(for year: Int) -> String { "holidays-\(year).json" }

    /// File name of the optional replacement rule list in the overrides folder.
    public static let rulesFileName = "holiday-rules.json"

    /// Builds the calendar from the built-in data plus the files in `overridesFolder`.
    ///
    /// Operations staff publish each year's government decision as a file without a
    /// release: every `holidays-YYYY.json` (a ``YearSchedule``) replaces the built-in
    /// schedule of that year as a whole, and an optional `holiday-rules.json` (an array of
    /// ``HolidayRule``) replaces the built-in rules, for when the law changes. Other files
    /// are ignored. With `nil`, the built-in data alone is used.
    ///
    /// Call it once at start-up (it reads the disk) and keep the value.
    ///
    /// - Throws: ``WorkingCalendarLoadError`` when the folder is missing or a file cannot
    ///   be read, is not valid, names another year than its file name, or gives decided
    ///   dates for a rule that does not exist — a wrong calendar silently shifts every due
    ///   date, so it must stop the service from starting.
    public static func load(
        overridesFolder: URL?,
        rules builtInRules: [HolidayRule] = HolidayRule.labourCode2019,
        builtInSchedules: [YearSchedule] = YearSchedule.published,
        lunarCalendar: VietnameseLunarCalendar = .vietnam
    ) throws -> WorkingCalendar {
        guard let folder = overridesFolder else {
            return WorkingCalendar(rules: builtInRules, schedules: builtInSchedules, lunarCalendar: lunarCalendar)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
              isDirectory.boolValue
        else { throw WorkingCalendarLoadError.folderNotFound(folder.path) }

        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw WorkingCalendarLoadError.unreadableFile(folder.path, reason: String(describing: error))
        }

        let decoder = JSONDecoder()
        var rules = builtInRules
        if names.contains(rulesFileName) {
            let url = folder.appendingPathComponent(rulesFileName)
            rules = try decode([HolidayRule].self, from: url, with: decoder)
            var seen = Set<String>()
            for rule in rules where !seen.insert(rule.id).inserted {
                throw WorkingCalendarLoadError.duplicateRuleID(file: url.path, ruleID: rule.id)
            }
        }

        var schedules = builtInSchedules
        for name in names {
            guard let fileYear = scheduleYear(fromFileName: name) else { continue }
            let url = folder.appendingPathComponent(name)
            let schedule = try decode(YearSchedule.self, from: url, with: decoder)
            guard schedule.year == fileYear else {
                throw WorkingCalendarLoadError.yearMismatch(file: url.path, fileYear: fileYear, contentYear: schedule.year)
            }
            schedules.append(schedule)  // later entries win over the built-in year
        }

        let ruleIDs = Set(rules.map(\.id))
        for schedule in schedules {
            for ruleID in schedule.decidedDates.keys.sorted() where !ruleIDs.contains(ruleID) {
                throw WorkingCalendarLoadError.unknownRule(year: schedule.year, ruleID: ruleID)
            }
        }
        return WorkingCalendar(rules: rules, schedules: schedules, lunarCalendar: lunarCalendar)
    }

    /// The year in a file name of the form `holidays-YYYY.json`, else `nil`.
    static func scheduleYear(fromFileName name: String) -> Int? {
        let prefix = "holidays-"
        let suffix = ".json"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    private static func decode<T: Decodable>(_ type: T.Type, from url: URL, with decoder: JSONDecoder) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WorkingCalendarLoadError.unreadableFile(url.path, reason: String(describing: error))
        }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw WorkingCalendarLoadError.invalidFile(url.path, reason: String(describing: error))
        }
    }
}
