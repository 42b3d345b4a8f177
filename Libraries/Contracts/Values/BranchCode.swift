import Foundation

/// A branch's code as typed by staff, checked: 2 to 16 upper-case ASCII letters or digits,
/// e.g. `PC05TK`.
///
/// The code names the unit that owns requests, tickets, meters and dossiers in every service
/// and message, so every service accepts the same codes.
public struct BranchCode: Sendable, Hashable, CustomStringConvertible {
    /// How many characters a code has.
    public static let lengths = 2...16

    /// The code, upper-cased.
    public let value: String

    /// `text` trimmed and upper-cased, when that is a branch code; else `nil`.
    public init?(_ text: String) {
        // Codes almost always arrive clean (bulk files carry millions): take those as they are.
        let code = Self.lengths.contains(text.utf8.count)
            && text.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) })
            ? text : text.trimmingCharacters(in: .whitespaces).uppercased()
        guard Self.lengths.contains(code.count),
              code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { return nil }
        value = code
    }

    public var description: String { value }
}
