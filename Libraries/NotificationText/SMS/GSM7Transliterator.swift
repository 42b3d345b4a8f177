import Foundation

/// Turns Vietnamese text into text that GSM-7 carries: no diacritics, nothing outside the
/// GSM 03.38 alphabet.
///
/// Why: one Vietnamese letter with a tone mark forces the whole SMS into UCS-2, which holds
/// 70 characters instead of 160, so a customer notice costs two to three times as many
/// segments. Unaccented Vietnamese ("Quy khach") is what operators' SMS switchboards have
/// always sent and customers read it without trouble.
///
/// Rules, applied to each character (grapheme cluster) in order:
/// 1. A Vietnamese vowel carrying any of the Vietnamese marks — the five tones (grave,
///    acute, hook above, tilde, dot below) and the vowel modifiers of ă â ê ô ơ ư (breve,
///    circumflex, horn) — becomes its bare vowel, in either case: `ữ` → `u`, `Ậ` → `A`.
///    This includes `à è é ì ò ù É`, which the GSM basic table happens to contain: a
///    half-stripped text (`và` beside `Quy khach`) reads worse than a consistent one.
/// 2. `đ` → `d`, `Đ` → `D` (and the look-alike `ð`/`Ð` that keyboards sometimes produce).
/// 3. Anything GSM-7 carries stays as it is: the rest of the basic table (`Ä ñ ß Δ £ @`…)
///    and the extension table (`^ { } \ [ ~ ] | €`).
/// 4. Typographic punctuation gets its plain form: curly quotes → `'` `"`, dashes and
///    the minus sign → `-`, `…` → `...`, `` ` `` and `´` → `'`, `•` → `-`, `×` → `x`.
/// 5. Other letters lose their marks when the bare letter is in GSM-7 (`ç` → `c`, `ā` → `a`).
/// 6. Line separators become `\n`, other white space a space, and invisible format
///    characters (zero-width space, soft hyphen, byte-order mark) are dropped.
/// 7. Anything else (emoji, CJK, symbols) becomes one `?` per character.
public enum GSM7Transliterator {
    /// Returns `text` with Vietnamese diacritics removed and every other character mapped
    /// into the GSM 03.38 alphabet; the result always encodes as GSM-7.
    ///
    /// - Parameter text: any text, in composed or decomposed form.
    /// - Returns: text whose every scalar is in the GSM-7 basic or extension table.
    public static func transliterate(_ text: String) -> String {
        // Nothing to change in ASCII that GSM-7 carries but a backquote (rule 4).
        if GSM7Alphabet.carriesASCII(text), !text.utf8.contains(UInt8(ascii: "`")) { return text }
        return transliteratedScalarByScalar(text) ?? transliteratedCharacterByCharacter(text)
    }

    /// `text` mapped one scalar at a time, when each of its scalars is a character of its own
    /// whose replacement ``scalarReplacements`` holds: composed Vietnamese, most of every notice
    /// that is not ASCII. `nil` when one is not (a combining mark, an emoji, a carriage return,
    /// which makes one character with the line feed after it).
    ///
    /// The same rules as character by character, only looked up by the scalar's value instead
    /// of by hashing a `Character`, which normalises it first.
    static func transliteratedScalarByScalar(_ text: String) -> String? {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let replacement = scalarReplacements[scalar] else { return nil }
            result += replacement
        }
        return result
    }

    /// `text` mapped one character (grapheme cluster) at a time: any text.
    static func transliteratedCharacterByCharacter(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, let known = scalarReplacements[scalar] {
                result += known
            } else {
                result += replacement(for: character)
            }
        }
        return result
    }

    /// The replacements of the characters a notice is written in, worked out once by the rules
    /// below: the rules decompose each character, which was most of the CPU a notice cost.
    private static let scalarReplacements = ScalarReplacements { scalar in
        // A carriage return is a character with the line feed after it, so it is left to the rules.
        scalar == "\r" ? nil : replacement(for: Character(scalar))
    }

    /// The marks that make a Vietnamese vowel: tones and vowel modifiers, as combining
    /// characters of the canonical decomposition.
    private static let vietnameseMarks: Set<Unicode.Scalar> = [
        "\u{0300}",  // grave: huyền
        "\u{0301}",  // acute: sắc
        "\u{0303}",  // tilde: ngã
        "\u{0309}",  // hook above: hỏi
        "\u{0323}",  // dot below: nặng
        "\u{0302}",  // circumflex: â ê ô
        "\u{0306}",  // breve: ă
        "\u{031B}",  // horn: ơ ư
    ]

    /// The vowels that carry Vietnamese marks.
    private static let vietnameseVowels: Set<Unicode.Scalar> = Set("aeiouyAEIOUY".unicodeScalars)

    /// Characters with a fixed plain replacement, looked up before the generic rules.
    private static let fixed: [Character: String] = [
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{2039}": "'", "\u{203A}": "'", "`": "'", "\u{00B4}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-",
        "\u{2015}": "-", "\u{2212}": "-", "\u{2022}": "-",
        "\u{2026}": "...",
        "\u{00D7}": "x",
    ]

    /// The GSM-7 text that stands for one character.
    static func replacement(for character: Character) -> String {
        if let vowel = bareVietnameseVowel(character) {
            return String(vowel)
        }
        if let fixed = fixed[character] {
            return fixed
        }
        if GSM7Alphabet.canEncode(character.unicodeScalars) {
            return String(character)
        }
        let unmarked = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !isMark($0) }
        if GSM7Alphabet.canEncode(unmarked) {
            var bare = ""
            bare.unicodeScalars.append(contentsOf: unmarked)
            return bare
        }
        if character.isNewline {
            return "\n"
        }
        if character.isWhitespace {
            return " "
        }
        if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .format }) {
            return ""
        }
        return "?"
    }

    /// The bare vowel when `character` is a Vietnamese vowel with at least one Vietnamese
    /// mark and no other; `nil` otherwise (so `ä`, `å`, `ñ` are not touched here).
    private static func bareVietnameseVowel(_ character: Character) -> Unicode.Scalar? {
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = scalars.first, vietnameseVowels.contains(base) else { return nil }
        let marks = scalars.dropFirst()
        guard !marks.isEmpty, marks.allSatisfy(vietnameseMarks.contains) else { return nil }
        return base
    }

    /// Whether `scalar` is a combining mark, which decorates the letter before it.
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
