/// The Unicode scalars notices are written in: ASCII, the precomposed Latin letters (Latin-1,
/// Latin Extended-A and -B, and Latin Extended Additional, which holds most of Vietnamese's
/// toned vowels) and the visible general punctuation (dashes, quotes, the ellipsis).
///
/// Each of them is a character of its own and its own composed form (NFC): none is a combining
/// mark, none decomposes, and no two of them compose into one. So a text made of them alone
/// needs neither grapheme breaking nor Foundation's normalisation, which were most of what
/// measuring and transliterating a Vietnamese notice cost. `NoticeScalarsTests` checks every one.
enum NoticeScalars {
    /// The blocks, as scalar values; general punctuation leaves out the invisible format
    /// characters, the separators and the spaces around it (U+2000–U+200F, U+2028–U+202F,
    /// U+205F onwards).
    static let ranges: [Range<UInt32>] = [0x0000..<0x0250, 0x1E00..<0x1F00, 0x2010..<0x2028, 0x2030..<0x205F]

    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(scalar.value) }
    }

    /// Whether every scalar of `text` is one of these.
    static func holdAll(of text: String) -> Bool {
        text.unicodeScalars.allSatisfy(contains)
    }
}
