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
        #expect(notice.smsWithoutDiacritics.encoding == .gsm7, sourceLocation: sourceLocation)
        #expect(notice.smsWithoutDiacritics.segments <= 2, "\(notice.smsWithoutDiacritics.units) septets", sourceLocation: sourceLocation)
    }

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
