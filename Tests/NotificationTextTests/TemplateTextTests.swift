import Testing
import NotificationText

/// A notice used only here, to test the template machinery apart from the real wording.
private struct GreetingContext: NotificationContext {
    enum Field: String, CaseIterable, Hashable, Sendable {
        case name, code
    }

    let name: String
    let code: String

    func value(for field: Field) -> String {
        switch field {
        case .name: name
        case .code: code
        }
    }

    static let template = NotificationTemplate<GreetingContext>(
        sms: "Chào \(.name), mã \(.code).",
        emailSubject: "Mã \(.code)",
        emailBody: "Kính gửi \(.name),\n\nMã của \(.name) là \(.code)."
    )
}

@Suite("TemplateText")
struct TemplateTextTests {
    private let context = GreetingContext(name: "Lan", code: "A1")

    @Test func fillsEveryHoleFromTheContext() {
        let text: TemplateText<GreetingContext> = "Chào \(.name), mã \(.code)."
        #expect(text.render(context) == "Chào Lan, mã A1.")
    }

    @Test func showsItsHolesByName() {
        let text: TemplateText<GreetingContext> = "Chào \(.name), mã \(.code)."
        #expect(text.pattern == "Chào {name}, mã {code}.")
        #expect(text.fields == [.name, .code])
    }

    @Test func aFieldMayAppearSeveralTimes() {
        let text: TemplateText<GreetingContext> = "\(.name) \(.name)"
        #expect(text.render(context) == "Lan Lan")
        #expect(text.fields == [.name, .name])
    }

    @Test func aTextWithoutHolesIsItself() {
        let text: TemplateText<GreetingContext> = "Trân trọng"
        #expect(text.render(context) == "Trân trọng")
        #expect(text.fields.isEmpty)
    }

    @Test func aNoticeRendersItsSMSBothWaysAndItsEmail() {
        let notice = context.render()
        #expect(notice.sms.text == "Chào Lan, mã A1.")
        #expect(notice.sms.encoding == .ucs2)
        #expect(notice.smsWithoutDiacritics.text == "Chao Lan, ma A1.")
        #expect(notice.smsWithoutDiacritics.encoding == .gsm7)
        #expect(notice.email == EmailMessage(subject: "Mã A1", body: "Kính gửi Lan,\n\nMã của Lan là A1."))
    }
}
