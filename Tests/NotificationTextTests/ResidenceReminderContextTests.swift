import Testing
import NotificationText

@Suite("Residence reminders")
struct ResidenceReminderContextTests {
    @Test func remindsToRenewBeforeTheDay() throws {
        let notice = try ResidenceExpiringContext(customerCode: "PC05TK0012345", validUntil: "2025-12-31").render()
        #expect(notice.sms.text == """
            Điện lực thông báo: Xác nhận cư trú của một hộ dùng chung công tơ mã khách hàng PC05TK0012345 \
            hết hạn ngày 31/12/2025. Quý khách vui lòng gia hạn tại Điện lực trước ngày này để hộ tiếp tục \
            được tính định mức giá điện.
            """)
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc thong bao: Xac nhan cu tru cua mot ho dung chung cong to ma khach hang PC05TK0012345 \
            het han ngay 31/12/2025. Quy khach vui long gia han tai Dien luc truoc ngay nay de ho tiep tuc \
            duoc tinh dinh muc gia dien.
            """)
        #expect(notice.email.subject == "Xác nhận cư trú của hộ dùng chung công tơ PC05TK0012345 sắp hết hạn")
        NoticeExpectations.isComplete(notice)
    }

    @Test func saysTheHouseholdNoLongerCounts() throws {
        let notice = try ResidenceExpiredContext(customerCode: "PC05TK0012345", validUntil: "2026-01-05").render()
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc thong bao: Xac nhan cu tru cua mot ho dung chung cong to ma khach hang PC05TK0012345 \
            da het han ngay 05/01/2026. Ho nay khong con duoc tinh dinh muc gia dien cho den khi Quy khach \
            dang ky lai tai Dien luc.
            """)
        #expect(notice.email.subject == "Xác nhận cư trú của hộ dùng chung công tơ PC05TK0012345 đã hết hạn")
        NoticeExpectations.isComplete(notice)
    }

    @Test func usesEveryField() {
        NoticeExpectations.usesEveryField(ResidenceExpiringContext.self)
        NoticeExpectations.usesEveryField(ResidenceExpiredContext.self)
    }

    @Test func fitsTwoSegmentsAtEveryLengthLimit() throws {
        let code = NoticeExpectations.filler(20)
        NoticeExpectations.fitsTwoSegments(try ResidenceExpiringContext(customerCode: code, validUntil: "2025-12-31").render())
        NoticeExpectations.fitsTwoSegments(try ResidenceExpiredContext(customerCode: code, validUntil: "2025-12-31").render())
    }

    @Test func refusesADayThatDoesNotExistOrABadCustomerCode() {
        let malformed = TemplateValueError.malformed(field: "validUntil", expected: "a real day written YYYY-MM-DD")
        for day in ["2025-02-29", "31/12/2025", "2025-1-05", ""] {
            #expect(throws: malformed) { try ResidenceExpiringContext(customerCode: "PC05TK0012345", validUntil: day) }
        }
        #expect(throws: TemplateValueError.empty(field: "customerCode")) {
            try ResidenceExpiredContext(customerCode: " ", validUntil: "2025-12-31")
        }
        #expect(throws: TemplateValueError.tooLong(field: "customerCode", limit: 20)) {
            try ResidenceExpiredContext(customerCode: NoticeExpectations.filler(21), validUntil: "2025-12-31")
        }
    }
}
