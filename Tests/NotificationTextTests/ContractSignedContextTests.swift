import Foundation
import Testing
import NotificationText

@Suite("ContractSignedContext")
struct ContractSignedContextTests {
    private func context(
        code: String = "PC05TK2025000123", branch: String = "Tam Kỳ", contract: String = "HĐ-TK-2025-000123",
        link: URL = NoticeExpectations.trackingLink
    ) throws -> ContractSignedContext {
        try ContractSignedContext(requestCode: code, branchName: branch, contractNumber: contract, trackingLink: link)
    }

    @Test func confirmsTheSignatureWithTheContractNumber() throws {
        let notice = try context().render()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Quý khách đã ký thành công hợp đồng mua bán điện số HĐ-TK-2025-000123 \
            (yêu cầu PC05TK2025000123). Bản hợp đồng đã ký: https://cskh.evnhcmc.vn/track/PC05TK2025000123
            """)
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc Tam Ky: Quy khach da ky thanh cong hop dong mua ban dien so HD-TK-2025-000123 \
            (yeu cau PC05TK2025000123). Ban hop dong da ky: https://cskh.evnhcmc.vn/track/PC05TK2025000123
            """)
        #expect(notice.smsWithoutDiacritics.segments == 2, "the link takes the text past one segment")
        #expect(notice.email.body.contains("tải bản đã ký bất cứ lúc nào tại:\nhttps://cskh.evnhcmc.vn/track/PC05TK2025000123\n"))
        #expect(notice.email.subject == "Xác nhận đã ký hợp đồng mua bán điện số HĐ-TK-2025-000123")
        #expect(notice.email.body.contains("hợp đồng mua bán điện số HĐ-TK-2025-000123 cho yêu cầu cấp điện PC05TK2025000123"))
        NoticeExpectations.isComplete(notice)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(ContractSignedContext.self)
    }

    @Test func fitsTwoSegmentsAtEveryLengthLimit() throws {
        let longest = try context(
            code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            contract: NoticeExpectations.filler(30), link: NoticeExpectations.longestLink
        ).render()
        NoticeExpectations.fitsTwoSegments(longest)
    }

    @Test func refusesAnEmptyOrOverlongContractNumber() {
        #expect(throws: TemplateValueError.empty(field: "contractNumber")) { try context(contract: "") }
        #expect(throws: TemplateValueError.tooLong(field: "contractNumber", limit: 30)) {
            try context(contract: NoticeExpectations.filler(31))
        }
    }
}
