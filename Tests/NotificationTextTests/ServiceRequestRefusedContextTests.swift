import Contracts
import Foundation
import Testing
import NotificationText

@Suite("ServiceRequestRefusedContext")
struct ServiceRequestRefusedContextTests {
    private let link = URL(string: "https://cskh.dienluc.vn/track/PC05TK-251124-000123")!
    private let reason = "Thiếu giấy tờ chứng minh quyền sử dụng nhà"

    private func notice(
        _ kind: RequestKind? = .changeOfHolder, code: String = "PC05TK-251124-000123", branch: String = "Tam Kỳ",
        reason: String? = nil, link: URL? = nil
    ) throws -> RenderedNotification {
        try ServiceRequestRefusedContext(requestKind: kind, requestCode: code, branchName: branch,
                                         reason: reason ?? self.reason, trackingLink: link ?? self.link).render()
    }

    @Test func namesTheKindAndGivesTheBranchsReason() throws {
        let notice = try notice()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Rất tiếc, yêu cầu đổi chủ hợp đồng PC05TK-251124-000123 của Quý khách chưa được \
            chấp thuận. Lý do: Thiếu giấy tờ chứng minh quyền sử dụng nhà. \
            Chi tiết: https://cskh.dienluc.vn/track/PC05TK-251124-000123
            """)
        #expect(notice.email.subject == "Kết quả xử lý yêu cầu đổi chủ hợp đồng PC05TK-251124-000123")
        #expect(notice.email.body.contains("\n\nLý do: Thiếu giấy tờ chứng minh quyền sử dụng nhà.\n\n"))
        #expect(notice.email.body.contains("\n\(link.absoluteString)\n"))
        NoticeExpectations.isComplete(notice)
    }

    /// Every kind a branch may turn down, in the SMS and the e-mail; two segments at most for a
    /// real reason, three with the longest reason and link.
    @Test(arguments: RequestKind.allCases.filter { !$0.isConnection })
    func everyKindIsNamedInTheSMSAndTheEmail(kind: RequestKind) throws {
        let notice = try notice(kind)
        let name = try #require(RequestReceivedContextTests.wording[kind]).0
        #expect(notice.sms.text.contains("yêu cầu \(name) PC05TK-251124-000123 của Quý khách chưa được chấp thuận."))
        #expect(notice.email.subject == "Kết quả xử lý yêu cầu \(name) PC05TK-251124-000123")
        #expect(notice.email.body.contains("yêu cầu \(name) PC05TK-251124-000123 của Quý khách"))
        NoticeExpectations.isComplete(notice)
        NoticeExpectations.fitsTwoSegments(notice)
        NoticeExpectations.fits(try self.notice(
            kind, code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            reason: NoticeExpectations.filler(150), link: NoticeExpectations.longestLink), inSegments: 3)
    }

    @Test func anEventWithoutItsKindNamesTheCodeAlone() throws {
        let notice = try notice(nil)
        #expect(notice.sms.text.contains("Rất tiếc, yêu cầu PC05TK-251124-000123 của Quý khách chưa được chấp thuận."))
        #expect(notice.email.subject == "Kết quả xử lý yêu cầu PC05TK-251124-000123")
        NoticeExpectations.isComplete(notice)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(ServiceRequestRefusedContext.self)
    }

    @Test func refusesAnEmptyReasonAndALinkThatIsNotTheWeb() {
        #expect(throws: TemplateValueError.empty(field: "reason")) { try notice(reason: "  ") }
        #expect(throws: TemplateValueError.self) { try notice(link: URL(string: "ftp://cskh.dienluc.vn/x")!) }
    }
}
