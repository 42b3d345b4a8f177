import Contracts
import Foundation
import Testing
import NotificationText

@Suite("RequestProgressContext")
struct RequestProgressContextTests {
    private let link = URL(string: "https://cskh.dienluc.vn/track/PC05TK-251124-000123")!

    private func notice(
        _ kind: RequestKind = .meterVerification, _ stage: RequestProgressed.Stage = .meterChecked,
        code: String = "PC05TK-251124-000123", branch: String = "Tam Kỳ",
        summary: String = "Công tơ sai số +0,8%, đạt cấp chính xác 1; phí kiểm định 120.000 đồng", link: URL? = nil
    ) throws -> RenderedNotification {
        try RequestProgressContext(requestKind: kind, stage: stage, requestCode: code, branchName: branch,
                                   summary: summary, trackingLink: link ?? self.link).render()
    }

    @Test func namesTheKindTheStageAndCrmsSentence() throws {
        let notice = try notice()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Yêu cầu kiểm định công tơ PC05TK-251124-000123 đã có kết quả kiểm định: \
            Công tơ sai số +0,8%, đạt cấp chính xác 1; phí kiểm định 120.000 đồng. \
            Tra cứu: https://cskh.dienluc.vn/track/PC05TK-251124-000123
            """)
        #expect(notice.email.subject == "Yêu cầu kiểm định công tơ PC05TK-251124-000123 đã có kết quả kiểm định")
        #expect(notice.email.body.contains("""
            Điện lực Tam Kỳ xin thông báo: yêu cầu kiểm định công tơ PC05TK-251124-000123 của Quý khách \
            đã có kết quả kiểm định.

            Công tơ sai số +0,8%, đạt cấp chính xác 1; phí kiểm định 120.000 đồng.
            """))
        #expect(notice.email.body.contains("\n\(link.absoluteString)\n"))
        NoticeExpectations.isComplete(notice)
    }

    /// Every kind at every stage: its name, the code, the stage's words, crm's sentence in
    /// both texts, the link in both, nothing left unfilled, two segments at most.
    @Test(arguments: RequestKind.allCases, RequestProgressed.Stage.allCases)
    func everyKindAndStageIsWordedInTheSMSAndTheEmail(kind: RequestKind, stage: RequestProgressed.Stage) throws {
        let notice = try notice(kind, stage, summary: "Điện lực đã chấp thuận yêu cầu")
        let name = try #require(RequestReceivedContextTests.wording[kind]).0
        let phrase = try #require(Self.phrases[stage]).replacingOccurrences(
            of: "{check}", with: kind == .meterInspection ? "kiểm tra" : "kiểm định")
        let heading = "Yêu cầu \(name) PC05TK-251124-000123 \(phrase)"
        #expect(notice.sms.text == "Điện lực Tam Kỳ: \(heading): Điện lực đã chấp thuận yêu cầu. Tra cứu: \(link.absoluteString)")
        #expect(notice.email.subject == heading)
        #expect(notice.email.body.contains("yêu cầu \(name) PC05TK-251124-000123 của Quý khách \(phrase).\n"))
        #expect(notice.email.body.contains("\n\nĐiện lực đã chấp thuận yêu cầu.\n\n"))
        #expect(notice.email.body.contains("\n\(link.absoluteString)\n"))
        NoticeExpectations.isComplete(notice)
        NoticeExpectations.fitsTwoSegments(notice)
    }

    /// crm's longest sentence beside the longest link takes a third segment.
    @Test(arguments: RequestKind.allCases, RequestProgressed.Stage.allCases)
    func fitsThreeSegmentsAtEveryLengthLimit(kind: RequestKind, stage: RequestProgressed.Stage) throws {
        NoticeExpectations.fits(try notice(
            kind, stage, code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            summary: NoticeExpectations.filler(150), link: NoticeExpectations.longestLink), inSegments: 3)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(RequestProgressContext.self)
    }

    @Test func refusesALinkThatIsNotTheWeb() {
        #expect(throws: TemplateValueError.self) { try notice(link: URL(string: "ftp://cskh.dienluc.vn/x")!) }
    }

    /// What each stage says after the request's name and code; `{check}` is the meter check's kind.
    static let phrases: [RequestProgressed.Stage: String] = [
        .approved: "đã được chấp thuận",
        .meterChecked: "đã có kết quả {check}",
        .finalReadingTaken: "đã chốt chỉ số công tơ",
        .completed: "đã hoàn thành",
    ]
}
