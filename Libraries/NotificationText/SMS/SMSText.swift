import Foundation

/// A text as an SMS gateway will send it: its encoding, its length in that encoding's
/// units, and how many billed segments it takes.
///
/// The notification service sends the same notice either with diacritics (UCS-2, what
/// the customer reads best) or without (GSM-7, two to three times cheaper); this type
/// lets it see both costs before choosing, and lets tests hold templates to a budget.
/// Counting follows 3GPP TS 23.038 (alphabet) and TS 23.040 §9.2.3.24.1 (concatenation):
/// - GSM-7: a basic-table character is 1 septet, an extension-table character
///   (`^ { } \ [ ~ ] | €`, form feed) 2; one message holds 160, each concatenated
///   segment 153, and an escape sequence is never split between segments.
/// - UCS-2: each UTF-16 code unit is 1 (a character outside the BMP, such as an emoji, is
///   2); one message holds 70, each segment 67, and a surrogate pair is never split.
public struct SMSText: Sendable, Hashable {
    /// The text to hand to the gateway, in Unicode composed form (NFC).
    public let text: String
    /// GSM-7 when every character is in the GSM 03.38 alphabet, UCS-2 otherwise.
    public let encoding: SMSEncoding
    /// The length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2.
    public let units: Int
    /// How many messages the gateway sends and the operator bills; an empty text still
    /// counts as one message.
    public let segments: Int

    /// The length in septets when the text travels as GSM-7; `nil` for UCS-2.
    public var septets: Int? {
        encoding == .gsm7 ? units : nil
    }

    /// The same notice without Vietnamese diacritics, always GSM-7 (see
    /// `GSM7Transliterator` for the rules).
    public var withoutDiacritics: SMSText {
        SMSText(GSM7Transliterator.transliterate(text))
    }

    /// Measures `text` as it stands, diacritics included.
    ///
    /// The text is first put in composed form (NFC), which is what a gateway sends and
    /// what costs fewest UCS-2 units: a decomposed `ệ` is three code units, a composed one.
    ///
    /// - Parameter text: the message body.
    public init(_ text: String) {
        // Text of the scalars notices are written in is its own composed form (most texts
        // measured: a code, a link, a notice); Foundation's normalisation costs more than the rest here.
        let composed = NoticeScalars.holdAll(of: text) ? text : text.precomposedStringWithCanonicalMapping
        self.text = composed
        let scalars = composed.unicodeScalars
        if GSM7Alphabet.canEncode(scalars) {
            let costs = scalars.map { GSM7Alphabet.septets(for: $0) ?? 1 }
            encoding = .gsm7
            units = costs.reduce(0, +)
            segments = Self.segments(costs: costs, total: units, encoding: .gsm7)
        } else {
            let costs = scalars.map { UTF16.width($0) }
            encoding = .ucs2
            units = costs.reduce(0, +)
            segments = Self.segments(costs: costs, total: units, encoding: .ucs2)
        }
    }

    /// Packs characters greedily into segments, starting a new segment when the next
    /// character would not fit whole, as TS 23.040 requires.
    ///
    /// - Parameters:
    ///   - costs: the units each scalar takes, in order.
    ///   - total: the sum of `costs`.
    ///   - encoding: the encoding, for its capacities.
    private static func segments(costs: [Int], total: Int, encoding: SMSEncoding) -> Int {
        guard total > encoding.singleMessageCapacity else { return 1 }
        var segments = 1
        var used = 0
        for cost in costs {
            if used + cost > encoding.segmentCapacity {
                segments += 1
                used = 0
            }
            used += cost
        }
        return segments
    }
}
