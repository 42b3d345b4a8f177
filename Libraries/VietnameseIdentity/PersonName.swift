import Foundation

/// A person's full name as written on their ID card, normalised so that equal names are equal
/// values and equal bytes.
///
/// Vietnamese diacritics reach us both precomposed (`ệ`, one code point) and decomposed
/// (`e` + U+0323 + U+0302), depending on the keyboard (Telex/VNI input methods, macOS, copy
/// from a PDF). Swift's `==` already treats the two as equal, but SQLite, JSON consumers and
/// the duplicate checks compare bytes; the stored `value` is therefore always Unicode NFC,
/// with spaces trimmed and collapsed and curly apostrophes made straight.
///
/// What is accepted: letters of any script (with their marks), spaces, apostrophes and
/// hyphens between letters; 2 to 100 characters. Digits and other symbols are refused.
/// A single word is accepted on purpose: some people's registered name is one word (a
/// number of ethnic-minority citizens, some foreign residents), and refusing it would leave
/// them unable to file a request; "at least two words" would catch few real typos.
/// Case is kept as typed: changing it is presentation, and some names are not title-case.
public struct PersonName: Sendable, Hashable {
    /// The shortest accepted name, in characters (grapheme clusters).
    public static let minimumLength = 2
    /// The longest accepted name, in characters; longer than any name on an ID card.
    public static let maximumLength = 100

    /// The name in NFC, trimmed, single-spaced: `Nguyễn Thị Ánh Tuyết`.
    public let value: String

    /// The name lowercased, without diacritics, `đ` as `d`: `nguyen thi anh tuyet`.
    ///
    /// For search and duplicate detection, where customers and staff type names with or
    /// without diacritics (`Nguyen Thi Anh Tuyet`) and the two must meet. Never show it:
    /// without diacritics different names collide (`Đào` and `Dao`).
    public var folded: String { Self.fold(value) }

    /// Parses and normalises a name as entered.
    ///
    /// - Parameter input: the name as typed.
    /// - Throws: `PersonNameError` naming the problem.
    public init(_ input: String) throws(PersonNameError) {
        let composed = Self.isKnownNFC(input) ? input : input.precomposedStringWithCanonicalMapping
        var normalised = ""
        normalised.reserveCapacity(composed.utf8.count)
        var pendingSpace = false
        var previousWasPunctuation = false
        var count = 0
        for character in composed {
            if character.isWhitespace {
                pendingSpace = !normalised.isEmpty
                continue
            }
            let mapped: Character = (character == "\u{2019}" || character == "\u{02BC}") ? "'" : character
            let isPunctuation = mapped == "'" || mapped == "-"
            guard isPunctuation || mapped.isLetter else { throw .invalidCharacter(mapped) }
            if pendingSpace {
                if previousWasPunctuation { throw .misplacedPunctuation }
                normalised.append(" ")
                count += 1
                pendingSpace = false
                if isPunctuation { throw .misplacedPunctuation }
            } else if isPunctuation && (normalised.isEmpty || previousWasPunctuation) {
                throw .misplacedPunctuation
            }
            normalised.append(mapped)
            count += 1
            previousWasPunctuation = isPunctuation
        }
        if normalised.isEmpty { throw .empty }
        if previousWasPunctuation { throw .misplacedPunctuation }
        if count < Self.minimumLength { throw .tooShort }
        if count > Self.maximumLength { throw .tooLong }
        self.value = normalised
    }

    /// Whether `text` is NFC as it stands: every scalar below U+0300 (no combining marks) or in
    /// U+1E00–U+1EFF, where precomposed Vietnamese letters live. Names from bulk files are;
    /// Foundation's NFC mapping, which the rest goes through, cost more than all other checks.
    static func isKnownNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }

    /// Lowercases, removes combining marks after canonical decomposition, and maps `đ`/`Đ`
    /// (a letter of its own, not `d` with a mark, so decomposition leaves it) to `d`.
    ///
    /// - Parameter text: any text; usable for search queries as well as names.
    /// - Returns: the folded text.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{0110}", "\u{0111}":
                scalars.append("d")
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }
}

extension PersonName: CustomStringConvertible {
    /// The normalised name.
    public var description: String { value }
}
