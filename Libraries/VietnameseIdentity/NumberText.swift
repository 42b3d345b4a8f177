import Foundation

/// Numbers as each language writes them for people: thousands grouped with `.` in Vietnamese
/// (`135.000`) and `,` in English (`135,000`); decimals with `,` and `.` respectively.
public enum NumberText {
    public static func vi(_ value: Int) -> String { grouped(value, separator: ".") }
    public static func en(_ value: Int) -> String { grouped(value, separator: ",") }
    /// Up to two decimals, without trailing zeros: `1,4`.
    public static func vi(_ value: Double) -> String { decimal(value).replacingOccurrences(of: ".", with: ",") }
    /// Up to two decimals, without trailing zeros: `1.4`.
    public static func en(_ value: Double) -> String { decimal(value) }

    private static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: separator)
    }

    private static func decimal(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
