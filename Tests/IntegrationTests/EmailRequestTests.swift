import FlowDriver
import Foundation
import ServiceKit
import StaffAuth
import TestSupport
import Testing

/// A customer's e-mail that asks plainly for a service request, across intake, crm and
/// notification running as real processes: the mail is delivered into the customer-care mailbox
/// (Dovecot), intake reads it over IMAP and files it through the portal's use case, crm opens a
/// ticket of that kind at the customer code's branch, and the automatic answer, read from the
/// SMTP sink, names the code and the kind in the customer's thread.
@Suite(.serialized) struct EmailRequestTests {
    static let services = ["intake", "crm", "notification"]
    let mailbox = CustomerCareMailbox.current
    let folder = "request-\(UUID().uuidString.prefix(8).lowercased())"
    let customer = "binh.\(UUID().uuidString.prefix(8).lowercased())@khachhang.example.vn"

    private var settings: [String: String] { mailbox.readerSettings(folder: folder) }

    /// Delivers the customer's mail into this test's folder; returns its Message-ID.
    /// `inReplyTo`: the Message-ID of the mail it answers.
    @discardableResult
    private func deliver(subject: String, text: String, inReplyTo: String? = nil) throws -> String {
        try mailbox.deliverCustomerMail(from: "Tran Van Binh", address: customer, subject: subject, text: text,
                                        thread: inReplyTo.map { [$0] } ?? [], folder: folder)
    }

    @Test func aMailAskingForAMeterInspectionBecomesThatRequestAtItsBranchAndIsAnsweredInTheThread() async throws {
        try await Platform.run("email-request", services: Self.services, settings: settings) { platform in
            let first = try deliver(subject: "De nghi kiem tra cong to", text: """
                Kính gửi Điện lực,
                Mã khách hàng PC05TK0012345. Công tơ nhà tôi quay nhanh bất thường, đề nghị kiểm tra công tơ.
                CCCD 049190123456, điện thoại 0905 123 456.
                --\u{20}
                Trần Văn Bình
                """)
            let officer = try await platform.staff.token(.customerService, unit: "PC05TK", staffId: "tk-cs-032")

            var code = ""
            try await eventually("crm opened the meter inspection's ticket at PC05TK", timeout: .seconds(60)) {
                let list = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: officer)
                    .expect(200)
                let line = (list["tickets"] as? [[String: Any]] ?? []).first { $0["requestKind"] as? String == "meter_inspection" }
                code = line?["requestCode"] as? String ?? ""
                return !code.isEmpty
            }
            #expect(code.hasPrefix("PC05TK-"))
            let detail = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets/CRM-\(code)",
                                                      token: officer).expect(200)
            #expect(detail["kind"] as? String == "service_request")
            #expect(detail["requestKind"] as? String == "meter_inspection")
            #expect(detail["branchCode"] as? String == "PC05TK")
            #expect(detail["slaLimitWorkingDays"] as? Int == 3)
            let steps = (detail["timeline"] as? [[String: Any]] ?? []).compactMap { ($0["label"] as? [String: Any])?["en"] as? String }
            #expect(steps.contains("Request received by e-mail"), "the timeline says how it came: \(steps)")

            // Beside the request's own notices (the e-mail notification sends for every request),
            // the answer in the mail's thread.
            var reply: ReceivedMail?
            try await eventually("intake's automatic answer arrived", timeout: .seconds(30)) {
                reply = try platform.mails(to: customer).first { $0.subject == "Re: De nghi kiem tra cong to" }
                return reply != nil
            }
            try await eventually("the request's notice arrived too", timeout: .seconds(30)) {
                try platform.mails(to: customer).contains { $0.subject.contains("tiếp nhận yêu cầu kiểm tra công tơ \(code)") }
            }
            let mail = try #require(reply)
            #expect(mail.subject == "Re: De nghi kiem tra cong to")
            #expect(mail.body.contains("ghi nhận yêu cầu kiểm tra công tơ, mã \(code)"))
            #expect(mail.body.contains("a request for meter inspection, code \(code)"))
            #expect(!mail.body.contains("meter_inspection"))
            #expect(try mail.message.value("In-Reply-To") == "<\(first)>")

            // The customer writes again in the thread: the mail joins the request's ticket, unanswered.
            try deliver(subject: "Re: De nghi kiem tra cong to", text: "Toi o nha ca ngay thu Bay.", inReplyTo: first)
            try await eventually("the later mail joined the request's ticket", timeout: .seconds(30)) {
                let detail = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets/CRM-\(code)",
                                                          token: officer).expect(200)
                return (detail["conversation"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
                    .contains { $0.contains("Toi o nha ca ngay thu Bay.") } == true
            }
            let list = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: officer).expect(200)
            #expect(!(list["tickets"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "inquiry" },
                    "the later mail opened no inquiry of its own")
            #expect(try platform.mails(to: customer).filter { $0.body.contains("Đây là thư trả lời tự động") }.count == 1)

            // The customer tracks the request with the phone the mail gave: received by e-mail.
            let tracking = try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests/\(code)/tracking",
                                                        json: ["phone": "0905123456"]).expect(200)
            #expect(tracking["channel"] as? String == "email")

            // Another branch's officer does not see it.
            let stranger = try await platform.staff.token(.customerService, unit: "PC05HA")
            _ = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets/CRM-\(code)", token: stranger)
                .expect(403)
        }
    }

    @Test func aMailNamingACodeButNoRecognisableRequestStaysAnInquiryAtThatCodesBranch() async throws {
        try await Platform.run("email-not-a-request", services: Self.services, settings: settings) { platform in
            _ = try deliver(subject: "Hoi thu tuc", text: """
                Mã khách hàng PC05TK0012345: thủ tục gia hạn hợp đồng như thế nào?
                CCCD 049190123456, điện thoại 0905123456.
                """)
            let officer = try await platform.staff.token(.customerService, unit: "PC05TK")
            try await eventually("crm opened an inquiry at PC05TK", timeout: .seconds(60)) {
                let list = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: officer)
                    .expect(200)
                return (list["tickets"] as? [[String: Any]] ?? []).contains {
                    $0["kind"] as? String == "inquiry" && $0["channel"] as? String == "email"
                }
            }
            try await eventually("the automatic answer is an inquiry's") {
                try platform.mails(to: customer).contains { $0.body.contains("ghi nhận yêu cầu mã PC05TK-") }
            }
        }
    }
}
