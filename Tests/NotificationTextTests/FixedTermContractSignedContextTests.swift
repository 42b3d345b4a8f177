import Foundation
import Testing
import NotificationText

@Suite("FixedTermContractSignedContext")
struct FixedTermContractSignedContextTests {
    private func context(
        code: String = "PC05TK2025000123", branch: String = "Tam Kỳ", contract: String = "HĐ-TK-2025-000123",
        endsOn: String = "2026-03-10", link: URL = NoticeExpectations.trackingLink
    ) throws -> FixedTermContractSignedContext {
        try FixedTermContractSignedContext(requestCode: code, branchName: branch, contractNumber: contract,
                                           endsOn: endsOn, trackingLink: link)
    }

    @Test func confirmsTheSignatureWithTheContractsLastDay() throws {
        let notice = try context().render()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Quý khách đã ký thành công hợp đồng mua bán điện số HĐ-TK-2025-000123 \
            (yêu cầu PC05TK2025000123), có thời hạn đến hết ngày 10/03/2026. \
            Bản đã ký: https://cskh.evnhcmc.vn/track/PC05TK2025000123
            """)
        #expect(notice.email.body.contains("tải bản đã ký bất cứ lúc nào tại:\nhttps://cskh.evnhcmc.vn/track/PC05TK2025000123\n"))
        #expect(notice.email.subject == "Xác nhận đã ký hợp đồng mua bán điện số HĐ-TK-2025-000123")
        #expect(notice.email.body.contains("Hợp đồng có thời hạn đến hết ngày 10/03/2026."))
        #expect(!notice.email.body.contains("kể từ ngày ký"), "the signature fixed the last day")
        NoticeExpectations.isComplete(notice)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(FixedTermContractSignedContext.self)
    }

    @Test func fitsTwoSegmentsAtEveryLengthLimit() throws {
        let longest = try context(
            code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            contract: NoticeExpectations.filler(30), link: NoticeExpectations.longestLink
        ).render()
        NoticeExpectations.fitsTwoSegments(longest)
    }

    @Test func refusesALastDayThatIsNotADay() {
        #expect(throws: TemplateValueError.self) { try context(endsOn: "10/03/2026") }
        #expect(throws: TemplateValueError.empty(field: "contractNumber")) { try context(contract: "") }
    }
}
