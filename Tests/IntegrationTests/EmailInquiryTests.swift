import FlowDriver
import Foundation
import ServiceKit
import StaffAuth
import TestSupport
import Testing

/// A customer's e-mail as a crm ticket, across intake, crm and notification running as real
/// processes: the mail is delivered into the customer-care mailbox (Dovecot), intake reads it
/// over IMAP, crm opens the ticket at the branch, the officer answers on the ticket page, and
/// the answer is read from the SMTP sink.
@Suite(.serialized) struct EmailInquiryTests {
    static let services = ["intake", "crm", "notification"]
    let mailbox = CustomerCareMailbox.current
    let folder = "inquiry-\(UUID().uuidString.prefix(8).lowercased())"
    let customer = "an.\(UUID().uuidString.prefix(8).lowercased())@khachhang.example.vn"

    private var settings: [String: String] { mailbox.readerSettings(folder: folder) }

    /// Delivers the customer's mail into this test's folder; returns its Message-ID.
    @discardableResult
    private func deliver(subject: String, text: String, thread: [String] = []) throws -> String {
        try mailbox.deliverCustomerMail(from: "Nguyen Van An", address: customer, subject: subject, text: text,
                                        thread: thread, folder: folder)
    }

    /// The ticket page's form `step` posted as signed-in staff of `token`.
    private func submit(_ platform: Platform, _ path: String, _ form: String, token: String) async throws -> HTTPAnswer {
        try await platform.http.call(.POST, "\(platform.url("crm"))/\(path)", body: Data(form.utf8), headers: [
            "Cookie": "staff_token=\(token)", "Content-Type": "application/x-www-form-urlencoded",
        ])
    }

    @Test func aMailBecomesATicketAtItsBranchAndTheOfficersAnswerArrivesInTheThread() async throws {
        try await Platform.run("email-inquiry", services: Self.services, settings: settings) { platform in
            let question = "Ma khach hang PC05TK0012345: hoá đơn tháng 11 cao bất thường."
            let first = try deliver(subject: "Hoa don thang 11", text: question)
            let officer = try await platform.staff.token(.customerService, unit: "PC05TK", staffId: "tk-cs-031")

            var code = ""
            try await eventually("crm opened the inquiry's ticket at PC05TK", timeout: .seconds(60)) {
                let list = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: officer)
                    .expect(200)
                let line = (list["tickets"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "inquiry" }
                code = line?["requestCode"] as? String ?? ""
                return line?["channel"] as? String == "email"
            }
            let detail = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets/CRM-\(code)",
                                                      token: officer).expect(200)
            #expect(detail["subject"] as? String == "Hoa don thang 11")
            #expect(((detail["conversation"] as? [[String: Any]])?.first?["text"] as? String)?
                .trimmingCharacters(in: .whitespacesAndNewlines) == question)
            try await eventually("intake's automatic answer arrived") {
                try platform.mails(to: customer).contains { $0.body.contains("ghi nhận yêu cầu mã \(code)") }
            }

            // The officer answers on the ticket page; the answer arrives in the customer's thread.
            let page = try await platform.http.call(.GET, "\(platform.url("crm"))/phieu/CRM-\(code)",
                                                    headers: ["Cookie": "staff_token=\(officer)"])
            #expect(page.status == 200)
            #expect(String(decoding: page.body, as: UTF8.self).contains(#"id="send-answer""#))
            let answered = try await submit(platform, "phieu/CRM-\(code)/answer",
                                            "text=Ch%E1%BB%89+s%E1%BB%91+c%C3%B4ng+t%C6%A1+th%C3%A1ng+11+%C4%91%C3%BAng.",
                                            token: officer)
            #expect(answered.status < 400, "the form is taken and leads back to the ticket")
            var answer: ReceivedMail?
            try await eventually("the officer's answer arrived", timeout: .seconds(30)) {
                answer = try platform.mails(to: customer).first { $0.body.contains("Chỉ số công tơ tháng 11 đúng.") }
                return answer != nil
            }
            let mail = try #require(answer)
            #expect(mail.subject == "Re: Hoa don thang 11")
            #expect(mail.body.contains(code))
            #expect(try mail.message.value("In-Reply-To") == "<\(first)>")
            #expect(try mail.message.value("References") == "<\(first)>")

            // The customer writes back in the thread: the same ticket takes the mail.
            let second = try deliver(subject: "Re: Hoa don thang 11", text: "Toi van thay cao, nho kiem tra lai.",
                                     thread: [first, "tra-loi-cua-dien-luc@evncpc.example.vn"])
            try await eventually("the reply joined the ticket's conversation", timeout: .seconds(30)) {
                let detail = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets/CRM-\(code)",
                                                          token: officer).expect(200)
                return (detail["conversation"] as? [[String: Any]])?.compactMap { $0["from"] as? String }
                    == ["customer", "officer", "customer"]
            }
            _ = try await submit(platform, "phieu/CRM-\(code)/answer", "text=Chung+toi+se+kiem+tra+lai.", token: officer)
            try await eventually("the second answer arrived", timeout: .seconds(30)) {
                try platform.mails(to: customer).contains { $0.body.contains("Chung toi se kiem tra lai.") }
            }
            let again = try #require(try platform.mails(to: customer).first { $0.body.contains("Chung toi se kiem tra lai.") })
            #expect(try again.message.value("In-Reply-To") == "<\(second)>")
            #expect(try again.message.value("References") == "<\(first)> <\(second)>")

            // Another branch's officer can neither read nor answer it.
            let stranger = try await platform.staff.token(.customerService, unit: "PC05HA")
            let foreign = try await platform.http.call(.GET, "\(platform.url("crm"))/phieu/CRM-\(code)",
                                                       headers: ["Cookie": "staff_token=\(stranger)"])
            #expect(foreign.status == 403)
            #expect(!String(decoding: foreign.body, as: UTF8.self).contains("Hoa don thang 11"))
            _ = try await platform.http.call(.POST, "\(platform.url("crm"))/api/v1/tickets/CRM-\(code)/answer",
                                             json: ["text": "Xin chao"], token: stranger).expect(403)
        }
    }
}
