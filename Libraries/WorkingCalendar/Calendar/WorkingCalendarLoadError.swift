/// Why the overrides folder could not be turned into a calendar.
///
/// Each case names the file, so that whoever deployed it can fix it; paths are plain
/// strings so the error stays `Sendable` and printable in logs.
public enum WorkingCalendarLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The overrides folder does not exist or is not a folder.
    case folderNotFound(String)
    /// A file or the folder could not be read.
    case unreadableFile(String, reason: String)
    /// A file is not valid JSON of the expected shape.
    case invalidFile(String, reason: String)
    /// `holidays-YYYY.json` contains a schedule for another year.
    case yearMismatch(file: String, fileYear: Int, contentYear: Int)
    /// A schedule gives decided dates for a rule id that no rule has.
    case unknownRule(year: Int, ruleID: String)
    /// Two rules in the rules file share an id.
    case duplicateRuleID(file: String, ruleID: String)

    public var description: String {
        switch self {
        case .folderNotFound(let path):
            return "holiday overrides folder not found: \(path)"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .invalidFile(let path, let reason):
            return "invalid holiday file \(path): \(reason)"
        case .yearMismatch(let file, let fileYear, let contentYear):
            return "\(file) is named for \(fileYear) but contains the schedule of \(contentYear)"
        case .unknownRule(let year, let ruleID):
            return "schedule \(year) decides dates for unknown holiday rule \"\(ruleID)\""
        case .duplicateRuleID(let file, let ruleID):
            return "\(file) defines holiday rule \"\(ruleID)\" twice"
        }
    }
}
