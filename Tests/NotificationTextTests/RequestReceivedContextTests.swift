import Foundation
import Testing
import NotificationText

@Suite("RequestReceivedContext")
struct RequestReceivedContextTests {
    private let link = URL(string: "https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123")!

    private func notice(
        code: String = "PC05TK2025000123", branch: String = "Tam Kỳ", hotline: String = "0235 3852 999", link: URL? = nil
    ) throws -> RenderedNotification {
        try RequestReceivedContext(requestCode: code, branchName: branch, branchHotline: hotline, trackingLink: link ?? self.link).render()
    }

    @Test func tellsWhoReceivedTheRequestAndHowToFollowIt() throws {
        let notice = try notice()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Yêu cầu cấp điện PC05TK2025000123 của Quý khách đã được tiếp nhận. \
            Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát. Hotline: 0235 3852 999. \
            Tra cứu tiến độ: https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123
            """)
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc Tam Ky: Yeu cau cap dien PC05TK2025000123 cua Quy khach da duoc tiep nhan. \
            Nhan vien Dien luc se lien he de hen khao sat. Hotline: 0235 3852 999. \
            Tra cuu tien do: https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123
            """)
        #expect(notice.email.subject == "Điện lực Tam Kỳ đã tiếp nhận yêu cầu cấp điện PC05TK2025000123")
        #expect(notice.email.body.contains("mã yêu cầu PC05TK2025000123"))
        #expect(notice.email.body.contains("\nhttps://cskh.dienluc.vn/tra-cuu/PC05TK2025000123\n"))
        #expect(notice.email.body.contains("Điện lực Tam Kỳ: 0235 3852 999."))
        #expect(notice.email.body.hasSuffix("Trân trọng,\nĐiện lực Tam Kỳ"))
        NoticeExpectations.isComplete(notice)
    }

    @Test func endsTheSMSWithTheLinkSoNoPunctuationSticksToIt() throws {
        #expect(try notice().sms.text.hasSuffix(link.absoluteString))
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(RequestReceivedContext.self)
    }

    @Test(arguments: ["Tam Kỳ", "Hội An", "Thăng Bình", "Bắc Trà My", "Thành phố Thủ Dầu Một"])
    func fitsTwoSegmentsForRealBranches(branch: String) throws {
        NoticeExpectations.fitsTwoSegments(try notice(branch: branch))
    }

    @Test func fitsTwoSegmentsAtEveryLengthLimit() throws {
        let longest = try notice(
            code: NoticeExpectations.filler(20),
            branch: NoticeExpectations.filler(30),
            hotline: "+84 235 3852 999 000",
            link: URL(string: "https://cskh.dienluc.vn/" + NoticeExpectations.filler(66))!
        )
        #expect(longest.smsWithoutDiacritics.septets == 297)
        NoticeExpectations.fitsTwoSegments(longest)
        let escaped = try notice(
            code: NoticeExpectations.filler(20),
            branch: NoticeExpectations.filler(30),
            hotline: "+84 235 3852 999 000",
            link: URL(string: "https://a.vn/" + NoticeExpectations.filler(38, "~"))!
        )
        NoticeExpectations.fitsTwoSegments(escaped)
    }

    @Test func refusesValuesOverTheirLimits() {
        #expect(throws: TemplateValueError.tooLong(field: "requestCode", limit: 20)) {
            try notice(code: NoticeExpectations.filler(21))
        }
        #expect(throws: TemplateValueError.tooLong(field: "branchName", limit: 30)) {
            try notice(branch: NoticeExpectations.filler(31))
        }
        #expect(throws: TemplateValueError.tooLong(field: "branchHotline", limit: 20)) {
            try notice(hotline: "+84 235 3852 999 0000")
        }
        #expect(throws: TemplateValueError.tooLong(field: "trackingLink", limit: 90)) {
            try notice(link: URL(string: "https://cskh.dienluc.vn/" + NoticeExpectations.filler(67))!)
        }
    }

    @Test func refusesEmptyOrMalformedValues() {
        #expect(throws: TemplateValueError.empty(field: "requestCode")) { try notice(code: "  ") }
        #expect(throws: TemplateValueError.self) { try notice(code: "PC05 TK") }
        #expect(throws: TemplateValueError.empty(field: "branchName")) { try notice(branch: "Điện lực ") }
        #expect(throws: TemplateValueError.notSingleLine(field: "branchName")) { try notice(branch: "Tam\nKỳ") }
        #expect(throws: TemplateValueError.self) { try notice(hotline: "gọi 1900") }
        #expect(throws: TemplateValueError.self) { try notice(link: URL(string: "ftp://cskh.dienluc.vn/x")!) }
    }

    @Test func acceptsTheBranchNameWithOrWithoutDienLuc() throws {
        for name in ["Tam Kỳ", "Điện lực Tam Kỳ", "điện lực  Tam Kỳ", "  Tam   Kỳ "] {
            let context = try RequestReceivedContext(
                requestCode: "PC05TK2025000123", branchName: name, branchHotline: "0235 3852 999", trackingLink: link)
            #expect(context.branchName == "Tam Kỳ")
        }
    }
}
