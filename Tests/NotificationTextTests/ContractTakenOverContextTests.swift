import Foundation
import Testing
import NotificationText

@Suite("ContractTakenOverContext")
struct ContractTakenOverContextTests {
    private func context(
        code: String = "PC05TK-261204-000052", branch: String = "Tam Kỳ", contract: String = "HĐ-TK-2025-000123",
        customer: String = "PC05TK0012345", day: String = "2026-12-04", link: URL = NoticeExpectations.signingLink
    ) throws -> ContractTakenOverContext {
        try ContractTakenOverContext(requestCode: code, branchName: branch, contractNumber: contract,
                                     customerCode: customer, effectiveOn: day, contractLink: link)
    }

    @Test func tellsTheNewHolderFromWhichDayTheContractIsTheirs() throws {
        let notice = try context().render()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Từ ngày 04/12/2026, hợp đồng mua bán điện số HĐ-TK-2025-000123 \
            (mã khách hàng PC05TK0012345) đã chuyển sang tên Quý khách. \
            Bản đã ký: https://cskh.evnhcmc.vn/ky-hop-dong?code=PC05TK2025000123
            """)
        #expect(notice.email.body.contains(
            "bằng số điện thoại của mình, tại:\nhttps://cskh.evnhcmc.vn/ky-hop-dong?code=PC05TK2025000123\n"))
        #expect(notice.email.subject == "Hợp đồng mua bán điện số HĐ-TK-2025-000123 đã chuyển sang tên Quý khách")
        #expect(notice.email.body.contains("theo yêu cầu đổi chủ hợp đồng PC05TK-261204-000052"))
        #expect(notice.email.body.contains("Từ ngày 04/12/2026, hợp đồng đứng tên Quý khách"))
        NoticeExpectations.isComplete(notice)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(ContractTakenOverContext.self)
    }

    @Test func fitsTwoSegmentsAtEveryLengthLimit() throws {
        let longest = try context(
            code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30),
            contract: NoticeExpectations.filler(30), customer: NoticeExpectations.filler(20),
            link: NoticeExpectations.longestLink
        ).render()
        NoticeExpectations.fitsTwoSegments(longest)
    }

    @Test func refusesADayThatIsNotADay() {
        #expect(throws: TemplateValueError.self) { try context(day: "04/12/2026") }
        #expect(throws: TemplateValueError.empty(field: "customerCode")) { try context(customer: "") }
    }
}
