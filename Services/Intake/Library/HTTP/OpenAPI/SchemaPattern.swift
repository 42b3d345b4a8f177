/// Building blocks of the regular expressions in intake's API document.
///
/// The parsers behind the forms read white space the way Swift does, so the patterns spell
/// Swift's classes out instead of using `\s`, which every regular-expression engine reads
/// differently. Every pattern is anchored at both ends.
enum SchemaPattern {
    /// What `Character.isWhitespace` and `CharacterSet.whitespacesAndNewlines` hold
    /// (Unicode's White_Space), as the inside of a character class.
    static let whiteSpace = #"\t\n\x0B\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"#
    /// What `CharacterSet.whitespaces` holds (tab and the space separators): what
    /// identifiers are trimmed of.
    static let spaces = #"\t \xA0\u1680\u2000-\u200A\u202F\u205F\u3000"#
    /// Unicode's control characters (category Cc), which free text refuses.
    static let controls = #"\x00-\x1F\x7F-\x9F"#

    /// Any text of white space only: an optional field left blank, which the API takes as absent.
    static let blank: JSONValue = ["type": "string", "pattern": .string("^[\(whiteSpace)]*$")]

    /// JSON's `null`, which the API takes as the field left out.
    static let null: JSONValue = ["type": "null"]

    /// `schema` as a query parameter's: its patterns without the plain space, which a query
    /// string carries as `+`, a character the API reads as itself.
    static func inQuery(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(let members):
            return .object(members.mapValues(inQuery))
        case .array(let items):
            return .array(items.map(inQuery))
        case .string(let text) where text.hasPrefix("^"):
            return .string(text.replacingOccurrences(of: whiteSpace, with: whiteSpace.replacingOccurrences(of: " ", with: ""))
                .replacingOccurrences(of: spaces, with: spaces.replacingOccurrences(of: " ", with: "")))
        default:
            return schema
        }
    }

    /// `body`, anchored, with `spaces` allowed around it.
    static func trimmed(_ body: String) -> String {
        "^[\(spaces)]*(?:\(body))[\(spaces)]*$"
    }

    /// A string schema with `pattern`.
    static func string(_ pattern: String, examples: [String] = []) -> JSONValue {
        var schema: JSONValue = ["type": "string", "pattern": .string(pattern)]
        if !examples.isEmpty {
            schema = schema.adding(["examples": .array(examples.map(JSONValue.string))])
        }
        return schema
    }

    /// One of `choices`, each matched literally.
    static func alternatives(_ choices: [String]) -> String {
        choices.map(literal).joined(separator: "|")
    }

    /// `text` with every character that means something in a pattern escaped.
    static func literal(_ text: String) -> String {
        String(text.flatMap { #"\^$.|?*+()[]{}/"#.contains($0) ? ["\\", $0] : [$0] })
    }

    /// `text` matched without regard to the case of its ASCII letters.
    static func caseless(_ text: String) -> String {
        text.map { $0.isASCII && $0.isLetter ? "[\($0.uppercased())\($0.lowercased())]" : literal(String($0)) }
            .joined()
    }

    /// The two-digit numbers `range` (within 0...99) as a pattern, each digit followed by `gap`.
    static func twoDigits(_ range: ClosedRange<Int>, gap: String) -> String {
        (range.lowerBound / 10...range.upperBound / 10).map { tens in
            let low = tens == range.lowerBound / 10 ? range.lowerBound % 10 : 0
            let high = tens == range.upperBound / 10 ? range.upperBound % 10 : 9
            return "\(tens)\(gap)[\(low)-\(high)]\(gap)"
        }.joined(separator: "|")
    }
}
