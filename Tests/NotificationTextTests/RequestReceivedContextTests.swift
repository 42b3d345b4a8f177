import Contracts
import Foundation
import Testing
import NotificationText

@Suite("RequestReceivedContext")
struct RequestReceivedContextTests {
    private let link = URL(string: "https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123")!

    private func notice(
        _ kind: RequestKind = .newLowVoltageConnection, code: String = "PC05TK2025000123", branch: String = "Tam Kỳ",
        hotline: String = "0235 3852 999", link: URL? = nil
    ) throws -> RenderedNotification {
        try RequestReceivedContext(requestKind: kind, requestCode: code, branchName: branch, branchHotline: hotline,
                                   trackingLink: link ?? self.link).render()
    }

    @Test func tellsWhoReceivedTheRequestAndHowToFollowIt() throws {
        let notice = try notice()
        #expect(notice.sms.text == """
            Điện lực Tam Kỳ: Yêu cầu cấp điện mới hạ áp PC05TK2025000123 đã được tiếp nhận. \
            Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát. Hotline: 0235 3852 999. \
            Tra cứu: https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123
            """)
        #expect(notice.smsWithoutDiacritics.text == """
            Dien luc Tam Ky: Yeu cau cap dien moi ha ap PC05TK2025000123 da duoc tiep nhan. \
            Nhan vien Dien luc se lien he de hen khao sat. Hotline: 0235 3852 999. \
            Tra cuu: https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123
            """)
        #expect(notice.email.subject == "Điện lực Tam Kỳ đã tiếp nhận yêu cầu cấp điện mới hạ áp PC05TK2025000123")
        #expect(notice.email.body.contains("mã yêu cầu PC05TK2025000123"))
        #expect(notice.email.body.contains("\nhttps://cskh.dienluc.vn/tra-cuu/PC05TK2025000123\n"))
        #expect(notice.email.body.contains("Điện lực Tam Kỳ: 0235 3852 999."))
        #expect(notice.email.body.hasSuffix("Trân trọng,\nĐiện lực Tam Kỳ"))
        NoticeExpectations.isComplete(notice)
    }

    /// Each kind is named, with its own next step, in the SMS and the e-mail; only a connection
    /// speaks of a survey.
    @Test(arguments: RequestKind.allCases)
    func namesTheKindAndItsNextStepInBothTexts(kind: RequestKind) throws {
        let notice = try notice(kind)
        let (name, step) = try #require(Self.wording[kind])
        #expect(notice.sms.text.contains("Yêu cầu \(name) PC05TK2025000123 đã được tiếp nhận. \(step) Hotline:"))
        #expect(notice.email.subject.hasSuffix("yêu cầu \(name) PC05TK2025000123"))
        #expect(notice.email.body.contains("yêu cầu \(name) của Quý khách"))
        #expect(notice.email.body.contains("\n\n\(step) Quý khách không cần nộp bản sao giấy tờ"))
        #expect(notice.sms.text.hasSuffix(link.absoluteString))
        #expect(notice.email.body.contains("\n\(link.absoluteString)\n"))
        #expect(notice.sms.text.contains("khảo sát.") == kind.isConnection)
        NoticeExpectations.isComplete(notice)
        NoticeExpectations.fitsTwoSegments(notice)
    }

    @Test(arguments: RequestKind.allCases)
    func fitsTwoSegmentsForEveryKindAtEveryLengthLimit(kind: RequestKind) throws {
        NoticeExpectations.fitsTwoSegments(try notice(
            kind, code: NoticeExpectations.filler(20), branch: NoticeExpectations.filler(30), hotline: "+84 235 3852 999 000",
            link: URL(string: "https://cskh.dienluc.vn/" + NoticeExpectations.filler(66))!))
    }

    @Test func everyKindHasItsOwnText() throws {
        let texts = try RequestKind.allCases.map { try notice($0).sms.text }
        #expect(Set(texts).count == RequestKind.allCases.count)
    }

    /// What a customer reads for each kind: its name after "Yêu cầu", and the next step.
    static let wording: [RequestKind: (String, String)] = [
        .newLowVoltageConnection: ("cấp điện mới hạ áp", "Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát."),
        .newMediumVoltageConnection: ("cấp điện mới trung áp", "Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát."),
        .changeOfHolder: ("đổi chủ hợp đồng", "Điện lực sẽ xem xét hồ sơ và báo kết quả."),
        .changeOfPurpose: ("đổi mục đích sử dụng điện", "Điện lực sẽ xem xét hồ sơ và báo kết quả."),
        .contractRenewal: ("gia hạn hợp đồng", "Điện lực sẽ xem xét hồ sơ và báo kết quả."),
        .contractTermination: ("chấm dứt hợp đồng", "Nhân viên Điện lực sẽ liên hệ để hẹn chốt chỉ số công tơ."),
        .householdCountChange: ("thay đổi số hộ dùng chung", "Điện lực sẽ đối chiếu các hộ và báo kết quả."),
        .meterInspection: ("kiểm tra công tơ", "Nhân viên Điện lực sẽ liên hệ để hẹn kiểm tra công tơ."),
        .meterVerification: ("kiểm định công tơ", "Nhân viên Điện lực sẽ liên hệ để hẹn kiểm định công tơ."),
        .independentVerification: ("kiểm định độc lập công tơ", "Nhân viên Điện lực sẽ liên hệ để hẹn kiểm định công tơ."),
        .meterSplit: ("tách công tơ", "Nhân viên Điện lực sẽ liên hệ để hẹn khảo sát lắp công tơ."),
    ]

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
        let escaped = try notice(
            .independentVerification,
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
        #expect(throws: TemplateValueError.notSingleLine(field: "branchName")) { try notice(branch: "Tam\u{2028}Kỳ") }
        #expect(throws: TemplateValueError.empty(field: "requestCode")) { try notice(code: "\u{3000}\u{A0}") }
        #expect(throws: TemplateValueError.self) { try notice(hotline: "gọi 1900") }
        #expect(throws: TemplateValueError.self) { try notice(link: URL(string: "ftp://cskh.dienluc.vn/x")!) }
    }

    @Test func acceptsTheBranchNameWithOrWithoutDienLuc() throws {
        for name in ["Tam Kỳ", "Điện lực Tam Kỳ", "điện lực  Tam Kỳ", "  Tam   Kỳ ", "ĐIỆN LỰC Tam Kỳ", "Dien luc Tam Kỳ",
                     "\u{A0}Điện lực Tam Kỳ\u{3000}", "Đie\u{0323}\u{0302}n lực Tam Kỳ", "Tam Kỳ\t", "\u{200B}Tam Kỳ"] {
            let context = try RequestReceivedContext(
                requestKind: .meterInspection, requestCode: "PC05TK2025000123", branchName: name,
                branchHotline: "0235 3852 999", trackingLink: link)
            #expect(context.branchName == "Tam Kỳ")
        }
    }
}
