import Foundation
import WorkingCalendar

/// The checks and clean-ups shared by the notice contexts, so that every notice treats a
/// request code, a branch name or a free-text reason the same way.
enum ContextValue {
    /// Longest accepted values, in septets of the unaccented text. Chosen so that the
    /// longest SMS of the new-connection notices stays within two GSM-7 segments (306
    /// septets), or three (459) for a notice carrying both a staff-typed reason or crm's
    /// sentence and the tracking link; real values are well below them.
    enum Limit {
        static let requestCode = 20
        static let branchName = 30
        static let hotline = 20
        static let trackingLink = 90
        static let contractNumber = 30
        static let reason = 150
        static let customerCode = 20
        /// A planned outage's place and reason, and an outage's cause, as dispatch wrote them.
        static let outagePlace = 80
        static let outageReason = 80
        /// crm's sentence on a service request's stage (a result, a reading, a new code).
        static let progressSummary = 150
    }

    /// A trimmed single-line value, inner runs of spaces collapsed.
    ///
    /// - Throws: `.empty`, `.notSingleLine` or `.tooLong`.
    static func line(_ value: String, field: String, limit: Int) throws(TemplateValueError) -> String {
        let trimmed = trimmingWhitespace(value)
        guard !trimmed.isEmpty else { throw .empty(field: field) }
        guard !trimmed.contains(where: \.isNewline) else { throw .notSingleLine(field: field) }
        let collapsed = collapsingWhitespace(trimmed)
        try checkLength(collapsed, field: field, limit: limit)
        return collapsed
    }

    /// A code (request code, contract number): one line, no spaces.
    ///
    /// - Throws: as `line`, or `.malformed` when it contains white space.
    static func code(_ value: String, field: String, limit: Int) throws(TemplateValueError) -> String {
        let code = try line(value, field: field, limit: limit)
        guard !code.contains(where: \.isWhitespace) else {
            throw .malformed(field: field, expected: "a code without spaces")
        }
        return code
    }

    /// A branch name without the `Điện lực` the templates already write before it, so
    /// that `Điện lực Tam Kỳ` and `Tam Kỳ` give the same text.
    ///
    /// - Throws: `.notSingleLine`, or as `line`.
    static func branchName(_ value: String, field: String) throws(TemplateValueError) -> String {
        guard !trimmingWhitespace(value).contains(where: \.isNewline) else {
            throw .notSingleLine(field: field)
        }
        var name = collapsingWhitespace(value) + " "
        for prefix in ["Điện lực ", "Dien luc "] {
            // Most names are written as the prefix is; Foundation's case-insensitive search is for the rest.
            if name.hasPrefix(prefix) {
                name = String(name.dropFirst(prefix.count))
                break
            }
            if let range = name.range(of: prefix, options: [.anchored, .caseInsensitive]) {
                name = String(name[range.upperBound...])
                break
            }
        }
        return try line(name, field: field, limit: Limit.branchName)
    }

    /// A telephone number as printed: digits, spaces, `.`, `-`, `+`, parentheses.
    ///
    /// - Throws: as `line`, or `.malformed`.
    static func telephone(_ value: String, field: String) throws(TemplateValueError) -> String {
        let number = try line(value, field: field, limit: Limit.hotline)
        let allowed = Set("0123456789 .-+()")
        guard number.allSatisfy(allowed.contains), number.contains(where: \.isWholeNumber) else {
            throw .malformed(field: field, expected: "a telephone number (digits, spaces, . - + ( ))")
        }
        return number
    }

    /// A day given as `YYYY-MM-DD` (the wire form of a day), written `dd/MM/yyyy` as
    /// Vietnamese readers expect.
    ///
    /// - Throws: `.malformed` when it is not a real Gregorian day in that form.
    static func day(_ value: String, field: String) throws(TemplateValueError) -> String {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(isDigit) }),
              DateComponents(calendar: Calendar(identifier: .gregorian), year: Int(parts[0]), month: Int(parts[1]),
                             day: Int(parts[2])).isValidDate
        else { throw .malformed(field: field, expected: "a real day written YYYY-MM-DD") }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// An instant written as a Vietnamese reader expects it, in Vietnam's time (UTC+7, no summer
    /// time): `07:30 10/12/2026`.
    static func vietnamTime(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.vietnamTimeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        func two(_ number: Int?) -> String { number.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(parts.hour)):\(two(parts.minute)) \(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0)"
    }

    /// An http(s) link, as its absolute string.
    ///
    /// - Throws: `.malformed` or `.tooLong`.
    static func link(_ url: URL, field: String) throws(TemplateValueError) -> String {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw .malformed(field: field, expected: "an http or https link")
        }
        let text = url.absoluteString
        try checkLength(text, field: field, limit: Limit.trackingLink)
        return text
    }

    /// Free text written by staff (a reason): white space, line breaks included, collapsed
    /// to single spaces, trailing full stops removed (the template punctuates), and any
    /// standalone number of nine digits or more masked as `***`.
    ///
    /// The masking is there because this is the one value typed by a person: a reason
    /// such as "trùng CCCD 049088001234" must not carry an ID number (9 or 12 digits) or a
    /// phone number (10–11) into an SMS. A long amount written in digits is masked too;
    /// a reason should not need one.
    ///
    /// - Throws: `.empty` or `.tooLong`.
    static func freeText(_ value: String, field: String, limit: Int) throws(TemplateValueError) -> String {
        var text = collapsingWhitespace(value).trimmingCharacters(in: .whitespaces)
        while text.last == "." || text.last == " " {
            text.removeLast()
        }
        guard !text.isEmpty else { throw .empty(field: field) }
        let masked = maskingLongNumbers(text)
        try checkLength(masked, field: field, limit: limit)
        return masked
    }

    /// - Throws: `.tooLong` when `value` takes more than `limit` septets without diacritics.
    private static func checkLength(_ value: String, field: String, limit: Int) throws(TemplateValueError) {
        guard SMSText(value).withoutDiacritics.units <= limit else {
            throw .tooLong(field: field, limit: limit)
        }
    }

    /// `value` without the white space (line breaks included) at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims it; a value with none there, as
    /// most have, is returned without asking Foundation.
    private static func trimmingWhitespace(_ value: String) -> String {
        let scalars = value.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !isTrimmedWhitespace(first), !isTrimmedWhitespace(last) {
            return value
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether Foundation's `.whitespacesAndNewlines` holds `scalar`: Unicode's White_Space
    /// property, and the zero-width space.
    static func isTrimmedWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// `text` with every run of white space (line breaks included) turned into one space.
    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` with each run of nine or more ASCII digits — possibly grouped by single
    /// spaces, dots or dashes — replaced by `***`, unless it is glued to a letter (then it
    /// is part of a code, such as a request code).
    private static func maskingLongNumbers(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard isDigit(characters[index]) else {
                result.append(characters[index])
                index += 1
                continue
            }
            var end = index
            var digits = 0
            while end < characters.count {
                if isDigit(characters[end]) {
                    digits += 1
                    end += 1
                } else if " .-".contains(characters[end]), end + 1 < characters.count, isDigit(characters[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            let glued = (index > 0 && characters[index - 1].isLetter)
                || (end < characters.count && characters[end].isLetter)
            result += digits >= 9 && !glued ? "***" : String(characters[index..<end])
            index = end
        }
        return result
    }

    /// Whether `character` is one of `0`–`9` (not another script's digit).
    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }
}
