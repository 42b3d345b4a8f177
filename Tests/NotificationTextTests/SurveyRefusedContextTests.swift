import Foundation
import Testing
import NotificationText

@Suite("SurveyRefusedContext")
struct SurveyRefusedContextTests {
    private let reason = "Vị trí đề nghị cấp điện nằm trong hành lang an toàn lưới điện cao áp"

    private func context(
        code: String = "PC05TK2025000123", branch: String = "Tam Kỳ", reason: String? = nil,
        link: URL = NoticeExpectations.trackingLink
    ) throws -> SurveyRefusedContext {
        try SurveyRefusedContext(requestCode: code, branchName: branch, reason: reason ?? self.reason, trackingLink: link)
    }

    @Test func tellsTheOutcomeAndTheReason() throws {
        let notice = try context().render()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Rất tiếc, sau khảo sát, yêu cầu cấp điện PC05TK2025000123 của Quý khách \
            chưa thể đáp ứng. Lý do: Vị trí đề nghị cấp điện nằm trong hành lang an toàn lưới điện cao áp. \
            Chi tiết: https://cskh.evnhcmc.vn/track/PC05TK2025000123
            """)
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc Tam Ky: Rat tiec, sau khao sat, yeu cau cap dien PC05TK2025000123 cua Quy khach \
            chua the dap ung. Ly do: Vi tri de nghi cap dien nam trong hanh lang an toan luoi dien cao ap. \
            Chi tiet: https://cskh.evnhcmc.vn/track/PC05TK2025000123
            """)
        #expect(notice.email.subject == "Kết quả khảo sát yêu cầu cấp điện PC05TK2025000123")
        #expect(notice.email.body.contains("\n\nLý do: \(reason).\n\n"))
        #expect(notice.email.body.contains("xem lại yêu cầu tại:\nhttps://cskh.evnhcmc.vn/track/PC05TK2025000123\n"))
        NoticeExpectations.isComplete(notice)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(SurveyRefusedContext.self)
    }

    @Test func joinsLinesAndDropsTheFinalFullStopOfTheReason() throws {
        #expect(try context(reason: "  Cần thêm\n cột điện  hạ thế..  \n").reason == "Cần thêm cột điện hạ thế")
    }

    @Test func fitsTwoSegmentsForARealReason() throws {
        NoticeExpectations.fitsTwoSegments(try context().render())
    }

    /// A reason and a link at their longest take a third segment.
    @Test func fitsThreeSegmentsAtEveryLengthLimit() throws {
        let longest = try context(
            code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            reason: NoticeExpectations.filler(150), link: NoticeExpectations.longestLink
        ).render()
        #expect(longest.smsWithoutDiacritics.septets == 394)
        NoticeExpectations.fits(longest, inSegments: 3)
        let escaped = try context(
            code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            reason: NoticeExpectations.filler(75, "€"), link: NoticeExpectations.longestLink
        ).render()
        NoticeExpectations.fits(escaped, inSegments: 3)
    }

    @Test func refusesAnEmptyOrOverlongReason() {
        #expect(throws: TemplateValueError.empty(field: "reason")) { try context(reason: " . \n") }
        #expect(throws: TemplateValueError.tooLong(field: "reason", limit: 150)) {
            try context(reason: NoticeExpectations.filler(151))
        }
    }
}
