import Foundation
import Testing
@testable import NotificationText

/// The facts the fast paths of ``SMSText`` and ``GSM7Transliterator`` stand on: a text of
/// ``NoticeScalars`` is its own composed form, one character per scalar, and transliterating
/// it scalar by scalar gives what the rules give character by character.
@Suite("NoticeScalars")
struct NoticeScalarsTests {
    private static let scalars: [Unicode.Scalar] = NoticeScalars.ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }

    /// Random texts of the notice scalars, with carriage returns before line feeds, composed and
    /// decomposed Vietnamese and a few scalars from outside mixed in.
    private static func texts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let outside: [Unicode.Scalar] = ["\u{0301}", "\u{0323}", "\u{200D}", "\u{1F600}", "\u{FE0F}", "\u{1F1FB}", "\u{2028}"]
        return (0..<count).map { index in
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: text.append(contentsOf: "\r\n".unicodeScalars)
                case 1 where index % 2 == 0: text.append(outside.randomElement(using: &generator)!)
                default: text.append(scalars.randomElement(using: &generator)!)
                }
            }
            return String(text)
        }
    }

    @Test func everyScalarIsItsOwnComposedFormAndNoMark() {
        for scalar in Self.scalars {
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
            #expect(Array(String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar],
                    "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func everyScalarIsACharacterOfItsOwnBesideAnother() {
        for scalar in Self.scalars where scalar != "\r" {
            for neighbour in ["a", "ệ", "\n", "–"] as [Unicode.Scalar] {
                var pair = String.UnicodeScalarView([scalar, neighbour])
                #expect(String(pair).count == 2, "U+\(String(scalar.value, radix: 16)) before \(neighbour)")
                pair = String.UnicodeScalarView([neighbour, scalar])
                #expect(String(pair).count == 2, "U+\(String(scalar.value, radix: 16)) after \(neighbour)")
            }
        }
    }

    @Test func aTextOfThemIsMeasuredAsFoundationComposesIt() {
        var composedAlready = 0
        for text in Self.texts(count: 2_000) {
            #expect(SMSText(text).text == text.precomposedStringWithCanonicalMapping)
            if NoticeScalars.holdAll(of: text) {
                composedAlready += 1
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                        "\(Array(text.unicodeScalars))")
            }
        }
        #expect(composedAlready > 0)
    }

    @Test func transliteratingScalarByScalarGivesWhatTheRulesGiveCharacterByCharacter() {
        var fastPathTaken = 0
        for text in Self.texts(count: 2_000) {
            let byRules = text.map(GSM7Transliterator.replacement(for:)).joined()
            if let scalarByScalar = GSM7Transliterator.transliteratedScalarByScalar(text) {
                fastPathTaken += 1
                #expect(scalarByScalar == byRules, "\(Array(text.unicodeScalars))")
            }
            #expect(GSM7Transliterator.transliteratedCharacterByCharacter(text) == byRules)
            #expect(GSM7Transliterator.transliterate(text) == byRules)
        }
        #expect(fastPathTaken > 0)
    }

    /// ``ContextValue``'s trimming skips Foundation when neither end is what Foundation trims.
    @Test func theWhiteSpaceContextValuesTrimIsFoundations() {
        let foundation = CharacterSet.whitespacesAndNewlines
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(foundation.contains(scalar) == ContextValue.isTrimmedWhitespace(scalar), "U+\(String(value, radix: 16))")
        }
    }
}
