import Contracts
import Foundation
@testable import Intake
import ServiceAreas
import Testing

/// A customer's e-mail read as the service request it asks for, in the many ways customers
/// write one, and the mails that look like one but are not.
@Suite struct MailedRequestTests {
    static let identity = "CCCD 049190123456, SĐT 0905 123 456."

    private func read(_ subject: String, _ text: String, from name: String? = "Nguyễn Văn An") -> MailedRequest? {
        MailedRequest(subject: subject, text: text, senderName: name, areas: .builtIn)
    }

    @Test(arguments: [
        ("Kiểm tra công tơ", "Mã khách hàng PC05TK0012345. Nhờ điện lực kiểm tra công tơ giúp.", RequestKind.meterInspection),
        ("Yeu cau", "Ma KH pc05tk0012345, de nghi kiem tra cong to nha toi.", .meterInspection),
        ("", "KIỂM TRA LẠI CÔNG TƠ cho khách hàng PC05TK0012345", .meterInspection),
        ("Please check my meter", "Customer code PC05TK0012345.", .meterInspection),
        ("Kiểm định công tơ PC05TK0012345", "Tôi đề nghị kiểm định công tơ.", .meterVerification),
        ("Request", "I would like a meter verification for PC05TK0012345.", .meterVerification),
        ("Gia hạn hợp đồng", "Khách hàng PC05TK0012345 xin gia hạn hợp đồng mua bán điện.", .contractRenewal),
        ("Renewal", "Please renew my contract, customer PC05TK0012345.", .contractRenewal),
        ("Cham dut hop dong", "KH PC05TK0012345: toi ban nha, de nghi cham dut hop dong.", .contractTermination),
        ("Thanh lý hợp đồng", "Mã khách hàng: PC05TK0012345. Tôi không ở nữa, đề nghị thanh lý hợp đồng.", .contractTermination),
        ("Moving out", "I want to terminate my contract for PC05TK0012345.", .contractTermination),
    ])
    func aPlainRequestIsReadWithItsKindCodeAndRequester(subject: String, text: String, kind: RequestKind) throws {
        let request = try #require(read(subject, text + "\n" + Self.identity))
        #expect(request.kind == kind)
        #expect(request.customerCode.description == "PC05TK0012345")
        #expect(request.fullName == "Nguyễn Văn An")
        #expect(request.idNumber == "049190123456")
        #expect(request.phone == "0905123456")
        let form = request.form(email: "an@khachhang.example.vn")
        #expect(form.kind == kind.rawValue)
        #expect(form.requester?.email == "an@khachhang.example.vn")
        #expect(form.consent == true)
    }

    @Test func theRequesterIsReadInEveryUsualWriting() throws {
        let request = try #require(read("Kiem tra cong to PC05TK0012345",
                                        "So can cuoc: 049190123456\nDien thoai +84 905.123.456"))
        #expect(request.idNumber == "049190123456")
        #expect(request.phone == "+84905123456")
        let english = try #require(read("Meter check", "Please check my meter, PC05TK0012345. ID 049190123456, phone 0905-123-456"))
        #expect(english.phone == "0905123456")
    }

    @Test(arguments: [
        // Asks about the procedure, or says it does not want it.
        ("Hỏi", "PC05TK0012345: thủ tục gia hạn hợp đồng như thế nào?"),
        ("Question", "How do I renew my contract? Customer PC05TK0012345."),
        ("Không", "Tôi không muốn chấm dứt hợp đồng, mã PC05TK0012345."),
        ("No", "I do not want to terminate my contract PC05TK0012345."),
        // Two kinds at once: an officer reads which.
        ("Hai việc", "PC05TK0012345: kiểm tra công tơ và gia hạn hợp đồng."),
        // No request at all: a bill question.
        ("Hóa đơn", "Mã khách hàng PC05TK0012345, hoá đơn tháng 11 cao bất thường."),
        // The code is only in the quoted earlier mail or the signature.
        ("Kiểm tra công tơ", "Nhờ kiểm tra công tơ giúp.\n\n> Mã khách hàng PC05TK0012345"),
        ("Kiểm tra công tơ", "Nhờ kiểm tra công tơ giúp.\n-- \nNguyễn Văn An\nKH PC05TK0012345"),
        ("Kiểm tra công tơ", "Nhờ kiểm tra công tơ giúp.\nVào 3/12/2026, Điện lực đã viết:\nMã PC05TK0012345"),
        // The request is only in the quoted mail.
        ("Re: Yêu cầu", "Cảm ơn.\n\nOn Tue, EVN wrote:\n> gia hạn hợp đồng PC05TK0012345"),
        // A code of no served branch, or an unrelated number.
        ("Kiểm tra công tơ", "Mã ZZ99XX0012345, nhờ kiểm tra công tơ."),
        ("Kiểm tra công tơ", "Hoá đơn số 0012345678, nhờ kiểm tra công tơ."),
    ])
    func aMailThatOnlyLooksLikeARequestStaysAnInquiry(subject: String, text: String) {
        #expect(read(subject, Self.identity + "\n" + text) == nil)
    }

    @Test func aRequestWithoutTheRequestersIDPhoneOrNameStaysAnInquiry() {
        let ask = "Mã khách hàng PC05TK0012345, nhờ kiểm tra công tơ."
        #expect(read("Kiểm tra", ask + " SĐT 0905123456.") == nil)
        #expect(read("Kiểm tra", ask + " CCCD 049190123456.") == nil)
        // Twelve digits that nothing labels as an ID number (an account number) are not one.
        #expect(read("Kiểm tra", ask + " Tài khoản 049190123456, SĐT 0905123456.") == nil)
        #expect(read("Kiểm tra", ask + " " + Self.identity, from: nil) == nil)
        #expect(read("Kiểm tra", ask + " " + Self.identity, from: "  ") == nil)
    }

    @Test func theOwnWordsEndWhereTheQuotedMailOrTheSignatureBegins() {
        #expect(MailText.ownWords("Xin chào\nNhờ kiểm tra\n> trích\nsau") == "Xin chào\nNhờ kiểm tra")
        #expect(MailText.ownWords("Thanks\n-- \nAn") == "Thanks")
        #expect(MailText.ownWords("Thanks\n-----Original Message-----\nFrom: EVN") == "Thanks")
        #expect(MailText.folded("Đề nghị KIỂM ĐỊNH công tơ") == "de nghi kiem dinh cong to")
    }

    @Test func theAutomaticAnswerNamesTheKindInWordsAndTheCode() {
        let branch = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999")
        let answer = EmailAnswer.filed(kind: .meterInspection, requestCode: "PC05TK-261204-000007", branch: branch,
                                       subject: "Kiem tra cong to")
        #expect(answer.subject == "Re: Kiem tra cong to")
        #expect(answer.text.contains("ghi nhận yêu cầu kiểm tra công tơ, mã PC05TK-261204-000007"))
        #expect(answer.text.contains("filed it as a request for meter inspection, code PC05TK-261204-000007"))
        #expect(!answer.text.contains("meter_inspection"))
    }
}
