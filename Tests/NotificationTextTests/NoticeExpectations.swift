import Foundation
import Testing
import NotificationText

/// Checks every new-connection notice must pass, whatever its wording.
enum NoticeExpectations {
    /// Every field of the context appears in at least one of the notice's texts, and the
    /// SMS is all Vietnamese that survives transliteration (no `?` from a stray symbol).
    static func usesEveryField<Context: NotificationContext>(_: Context.Type) {
        let template = Context.template
        let used = Set(template.sms.fields + template.emailSubject.fields + template.emailBody.fields)
        #expect(used == Set(Context.Field.allCases))
        #expect(!GSM7Transliterator.transliterate(template.sms.pattern).contains("?"))
    }

    /// The SMS without diacritics fits in two GSM-7 segments.
    static func fitsTwoSegments(_ notice: RenderedNotification, sourceLocation: SourceLocation = #_sourceLocation) {
        fits(notice, inSegments: 2, sourceLocation: sourceLocation)
    }

    /// The SMS without diacritics fits in `segments` GSM-7 segments.
    static func fits(_ notice: RenderedNotification, inSegments segments: Int,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(notice.smsWithoutDiacritics.encoding == .gsm7, sourceLocation: sourceLocation)
        #expect(notice.smsWithoutDiacritics.segments <= segments, "\(notice.smsWithoutDiacritics.units) septets",
                sourceLocation: sourceLocation)
    }

    /// A request's tracking page as notification links it.
    static let trackingLink = URL(string: "https://cskh.evnhcmc.vn/track/PC05TK2025000123")!
    /// A request's signing page as notification links it.
    static let signingLink = URL(string: "https://cskh.evnhcmc.vn/ky-hop-dong?code=PC05TK2025000123")!
    /// A link at its length limit, 90 characters.
    static let longestLink = URL(string: "https://cskh.dienluc.vn/" + filler(66))!

    /// Every text is filled: no `{field}` left, no empty value between spaces.
    static func isComplete(_ notice: RenderedNotification, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [notice.sms.text, notice.email.subject, notice.email.body] {
            #expect(!text.contains("{") && !text.contains("}"), sourceLocation: sourceLocation)
            #expect(!text.contains("  "), sourceLocation: sourceLocation)
        }
        #expect(notice.email.body.hasPrefix("Kính gửi Quý khách,\n"), sourceLocation: sourceLocation)
    }

    /// `count` copies of `character`: a value at a length limit.
    static func filler(_ count: Int, _ character: Character = "X") -> String {
        String(repeating: character, count: count)
    }
}
