import Foundation
import Testing
import NotificationText

@Suite("ContractReadyContext")
struct ContractReadyContextTests {
    private func context(
        code: String = "PC05TK2025000123", branch: String = "Tam Kỳ", signingCode: String = "048213", minutes: Int = 10,
        link: URL = NoticeExpectations.signingLink
    ) throws -> ContractReadyContext {
        try ContractReadyContext(requestCode: code, branchName: branch, signingCode: signingCode, validityMinutes: minutes,
                                 signingLink: link)
    }

    @Test func givesTheCodeItsValidityAndTheWarning() throws {
        let notice = try context().render()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Hợp đồng của yêu cầu PC05TK2025000123 đã sẵn sàng để ký. \
            Mã ký: 048213, hiệu lực 10 phút. Tuyệt đối không cung cấp mã này cho ai, \
            kể cả nhân viên Điện lực. Ký tại: https://cskh.evnhcmc.vn/ky-hop-dong?code=PC05TK2025000123
            """)
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc Tam Ky: Hop dong cua yeu cau PC05TK2025000123 da san sang de ky. \
            Ma ky: 048213, hieu luc 10 phut. Tuyet doi khong cung cap ma nay cho ai, \
            ke ca nhan vien Dien luc. Ky tai: https://cskh.evnhcmc.vn/ky-hop-dong?code=PC05TK2025000123
            """)
        #expect(notice.email.subject == "Hợp đồng mua bán điện của yêu cầu PC05TK2025000123 đã sẵn sàng để ký")
        #expect(notice.email.body.contains("hiệu lực trong 10 phút"))
        #expect(notice.email.body.contains("mở trang ký hợp đồng:\nhttps://cskh.evnhcmc.vn/ky-hop-dong?code=PC05TK2025000123\n"))
        #expect(notice.email.body.contains("Tuyệt đối không cung cấp mã ký cho bất kỳ ai"))
        NoticeExpectations.isComplete(notice)
    }

    @Test func sendsTheCodeBySMSOnly() throws {
        let notice = try context(signingCode: "731904").render()
        #expect(notice.sms.text.contains("731904"))
        #expect(!notice.email.subject.contains("731904"))
        #expect(!notice.email.body.contains("731904"))
        #expect(!ContractReadyContext.template.emailBody.fields.contains(.signingCode))
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(ContractReadyContext.self)
    }

    @Test func fitsTwoSegmentsAtEveryLengthLimit() throws {
        NoticeExpectations.fitsTwoSegments(try context().render())
        let longest = try context(
            code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30), minutes: 1440,
            link: NoticeExpectations.longestLink
        ).render()
        NoticeExpectations.fitsTwoSegments(longest)
    }

    @Test func keepsALeadingZeroInTheCode() throws {
        #expect(try context(signingCode: "000123").render().sms.text.contains("Mã ký: 000123,"))
    }

    @Test(arguments: ["04821", "0482130", "04821a", "048 21", "٠٤٨٢١٣", ""])
    func refusesACodeThatIsNotSixDigits(signingCode: String) {
        #expect(throws: TemplateValueError.malformed(field: "signingCode", expected: "six digits")) {
            try context(signingCode: signingCode)
        }
    }

    @Test(arguments: [0, -5, 1441])
    func refusesAValidityOutsideOneMinuteToOneDay(minutes: Int) {
        #expect(throws: TemplateValueError.self) { try context(minutes: minutes) }
    }
}
