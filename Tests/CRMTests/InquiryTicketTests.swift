import CRM
import Contracts
import Foundation
import Messaging
import ServiceKit
import TestSupport
import Testing

/// An e-mailed inquiry as crm works it: intake's `intake.inquiry.received` opens a ticket at
/// its branch with the customer's mail sealed, the officer answers it from the ticket page in
/// the customer's thread (`notification.send-email-reply`) and closes it, and a later mail of
/// the thread joins the conversation and reopens it.
@Suite struct InquiryTicketTests {
    static let sender = "an.nguyen@khachhang.example.vn"

    static func inquiry(_ code: String, at date: Date, branch: Branch = Samples.branch, text: String,
                        messageId: String?, followUp: Bool = false, sender: String = sender) -> InquiryReceived {
        InquiryReceived(requestCode: code, channel: .email, branch: branch, customerCode: "PC05TK0012345",
                        subject: "Hoa don thang 11", text: text, senderEmail: sender, messageId: messageId,
                        followUp: followUp, receivedAt: date)
    }

    /// Posts a console form as signed-in staff of `token`; the 303 leads back to the ticket page.
    private func submit(_ crm: CRMHarness, _ path: String, _ form: String, token: String) async throws -> HTTPAnswer {
        try await crm.call("POST", path, body: Data(form.utf8),
                           headers: ["Cookie": "staff_token=\(token)", "Content-Type": "application/x-www-form-urlencoded"])
    }

    private func page(_ crm: CRMHarness, _ path: String, token: String) async throws -> String {
        let answer = try await crm.call("GET", path, headers: ["Cookie": "staff_token=\(token)"])
        #expect(answer.status == 200)
        return String(decoding: answer.body, as: UTF8.self)
    }

    @Test func aMailOpensATicketAtItsBranchWithItsTextSealedAndADueDateInThreeWorkingDays() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000101"
            let text = "Hoá đơn tháng 11 của tôi cao bất thường, nhờ Điện lực kiểm tra giúp."
            try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: text,
                                               messageId: "thu-1@khachhang.example.vn"), correlationId: code)
            let token = try await crm.token(unit: "PC05TK")
            var detail: [String: any Sendable] = [:]
            try await eventually("the inquiry's ticket is open") {
                detail = try await crm.get("api/v1/tickets/CRM-\(code)", token: token).json()
                return detail["status"] as? String == "open"
            }
            // intake's retry of the same mail under another message id files it once.
            let retry = try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: text,
                                                           messageId: "thu-1@khachhang.example.vn"), correlationId: code)
            try await crm.awaitHandled([retry])
            detail = try await crm.get("api/v1/tickets/CRM-\(code)", token: token).json()
            #expect(detail["kind"] as? String == "inquiry")
            #expect(detail["channel"] as? String == "email")
            #expect(detail["branchCode"] as? String == "PC05TK")
            #expect(detail["subject"] as? String == "Hoa don thang 11")
            #expect(detail["dueDate"] as? String == "2025-09-11", "3 working days after a Monday's mail")
            let conversation = try #require(detail["conversation"] as? [[String: Any]])
            #expect(conversation.map { $0["text"] as? String } == [text])

            let list = try await crm.get("api/v1/tickets", token: token).json()
            let line = try #require((list["tickets"] as? [[String: Any]])?.first { $0["requestCode"] as? String == code })
            #expect(line["kind"] as? String == "inquiry")
            #expect(line["channel"] as? String == "email")

            let tickets = try await page(crm, "phieu", token: token)
            #expect(tickets.contains(#"<a href="/phieu/CRM-\#(code)">\#(code)</a></td><td>Hỏi đáp · E-mail</td>"#))
            let board = try await page(crm, "bang-tin?lang=en", token: token)
            #expect(PageElement(id: "open-count", in: board)?.inner == "Open: 1")

            let ticket = try await page(crm, "phieu/CRM-\(code)", token: token)
            #expect(PageElement(id: "subject", in: ticket)?.inner == "Hoa don thang 11")
            #expect(PageElement(id: "channel", in: ticket)?.inner.hasPrefix("E-mail · ") == true)
            #expect(PageElement(id: "conversation", in: ticket)?.inner.contains(text) == true)
            #expect(ticket.contains(#"id="send-answer""#))
            #expect(PageElement(id: "timeline", in: ticket)?.inner.contains("Đã tiếp nhận yêu cầu qua thư điện tử") == true)

            let plain = try StoreFileScan.plainTexts([Self.sender, text, "Hoa don thang 11"],
                                                     in: crm.host.context.store.database)
            #expect(plain.isEmpty, "sealed at rest: \(plain)")
            // `evnctl reseal` knows the sealed columns: every one opens, none is left unread.
            let reseal = try await StoreResealer(database: crm.host.context.store.database,
                                                 personalData: crm.host.context.personalData,
                                                 tables: CRMService.personalDataTables).run()
            #expect(reseal.unreadable.values.allSatisfy { $0 == 0 }, "\(reseal.unreadable)")
        }
    }

    @Test func theOfficersAnswerGoesOutInTheThreadAndALaterMailReopensTheClosedTicket() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000102"
            try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: "Hoá đơn cao.",
                                               messageId: "thu-1@khachhang.example.vn"), correlationId: code)
            var token = try await crm.token(unit: "PC05TK", staffId: "tk-cs-021")
            try await eventually("the ticket is open") { try await crm.count("crm_inquiries") == 1 }

            let answered = try await submit(crm, "phieu/CRM-\(code)/answer",
                                            "text=Ch%E1%BB%89+s%E1%BB%91+c%C3%B4ng+t%C6%A1+%C4%91%C3%BAng.",
                                            token: token)
            #expect(answered.status == 200)
            let reply = try #require(try await crm.awaitSent(SendEmailReply.routingKey).first)
            #expect(reply["email"] as? String == Self.sender)
            #expect(reply["subject"] as? String == "Re: Hoa don thang 11")
            #expect(reply["inReplyTo"] as? String == "thu-1@khachhang.example.vn")
            #expect(reply["references"] as? [String] == [])
            #expect((reply["text"] as? String)?.contains("Chỉ số công tơ đúng.") == true)
            #expect((reply["text"] as? String)?.contains("trả lời yêu cầu mã \(code)") == true)
            let ticket = try await page(crm, "phieu/CRM-\(code)", token: token)
            #expect(PageElement(id: "timeline", in: ticket)?.inner
                    .contains("Nhân viên tk-cs-021 đã trả lời khách hàng qua thư điện tử") == true)
            #expect(PageElement(id: "conversation", in: ticket)?.inner.contains("Nhân viên tk-cs-021 trả lời") == true)

            #expect(try await submit(crm, "phieu/CRM-\(code)/close", "", token: token).status == 200)
            var detail = try await crm.get("api/v1/tickets/CRM-\(code)", token: token).json()
            #expect(detail["status"] as? String == "closed")
            #expect((detail["closure"] as? [String: Any])?["slaOutcome"] as? String == "met")
            #expect(try await crm.post("api/v1/tickets/CRM-\(code)/answer", ["text": "Thêm"], token: token).status == 409)

            // The customer answers in the thread two days later: the ticket reopens with a new due date.
            crm.clock.set(vietnamTime("2025-09-10 08:00"))
            token = try await crm.token(unit: "PC05TK", staffId: "tk-cs-021")
            try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-10 07:45"), text: "Tôi vẫn thắc mắc.",
                                               messageId: "thu-2@khachhang.example.vn", followUp: true),
                                  correlationId: code)
            try await eventually("the ticket reopened") {
                detail = try await crm.get("api/v1/tickets/CRM-\(code)", token: token).json()
                return detail["status"] as? String == "open"
            }
            #expect(detail["dueDate"] as? String == "2025-09-15")
            #expect((detail["conversation"] as? [[String: Any]])?.compactMap { $0["from"] as? String }
                    == ["customer", "officer", "customer"])
            let steps = (detail["timeline"] as? [[String: Any]] ?? []).compactMap { ($0["label"] as? [String: Any])?["en"] as? String }
            #expect(steps.suffix(2) == ["The customer wrote again by e-mail", "Ticket reopened"])

            _ = try await crm.post("api/v1/tickets/CRM-\(code)/answer", ["text": "Chúng tôi sẽ kiểm tra lại."],
                                   token: token).expect(200)
            let second = try #require(try await crm.awaitSent(SendEmailReply.routingKey, count: 2).last)
            #expect(second["inReplyTo"] as? String == "thu-2@khachhang.example.vn")
            #expect(second["references"] as? [String] == ["thu-1@khachhang.example.vn"])
            #expect(second["mailId"] as? String != reply["mailId"] as? String)
        }
    }

    @Test func anotherBranchsOfficerCannotOpenOrAnswerIt() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000103"
            try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: "Hỏi về giá điện.",
                                               messageId: nil), correlationId: code)
            try await eventually("the ticket is open") { try await crm.count("crm_inquiries") == 1 }
            let stranger = try await crm.token(unit: Samples.otherBranch.code)
            #expect(try await crm.get("api/v1/tickets/CRM-\(code)", token: stranger).status == 403)
            #expect(try await crm.call("GET", "phieu/CRM-\(code)", headers: ["Cookie": "staff_token=\(stranger)"]).status
                    == 403)
            #expect(try await crm.post("api/v1/tickets/CRM-\(code)/answer", ["text": "Xin chào"], token: stranger).status
                    == 403)
            let list = try await crm.get("api/v1/tickets", token: stranger).json()
            #expect((list["tickets"] as? [[String: Any]])?.isEmpty == true)
            let corporation = try await crm.token(unit: "CORP")
            #expect(try await crm.get("api/v1/tickets/CRM-\(code)", token: corporation).status == 200)
        }
    }

    @Test func anEmptyAnswerIsRefusedByFieldAndAMailWithoutAnAddressCannotBeAnsweredByMail() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000104"
            try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: "Không có địa chỉ.",
                                               messageId: nil, sender: ""), correlationId: code)
            try await eventually("the ticket is open") { try await crm.count("crm_inquiries") == 1 }
            let token = try await crm.token(unit: "PC05TK")

            let blank = try await crm.post("api/v1/tickets/CRM-\(code)/answer", ["text": "  "], token: token)
            #expect(blank.status == 422)
            #expect(try blank.errorFields() == ["text"])
            let refused = try await crm.post("api/v1/tickets/CRM-\(code)/answer", ["text": "Xin chào"], token: token)
            #expect(refused.status == 409)
            #expect(try refused.errorCodes() == ["inquiry.no_reply_address"])

            let ticket = try await page(crm, "phieu/CRM-\(code)?lang=en", token: token)
            #expect(!ticket.contains(#"id="send-answer""#))
            #expect(PageElement(id: "no-reply-address", in: ticket)?.inner
                    == "The mail names no address to answer: reach the customer another way.")
            #expect(ticket.contains(#"id="close-inquiry""#))
            #expect(try await crm.sent(SendEmailReply.self).isEmpty)
        }
    }

    @Test func aMalformedInquiryIsDeadLetteredAndTheNextOneIsStillFiled() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            try await crm.publish(BrokenInquiry(requestCode: "PC05TK-250908-000105"),
                                  correlationId: "PC05TK-250908-000105")
            var nameless = Self.inquiry("", at: vietnamTime("2025-09-08 09:30"), text: "x", messageId: nil)
            nameless.requestCode = ""
            try await crm.publish(nameless, correlationId: "none")
            try await eventually("both reached crm.dead") { try await crm.broker.queueDepth("crm.dead") == 2 }

            let code = "PC05TK-250908-000106"
            try await crm.publish(Self.inquiry(code, at: vietnamTime("2025-09-08 09:35"), text: "Sau thư hỏng.",
                                               messageId: nil), correlationId: code)
            try await eventually("the good inquiry behind them is filed") { try await crm.count("crm_inquiries") == 1 }
        }
    }
}

/// An `intake.inquiry.received` without the fields every inquiry has.
private struct BrokenInquiry: MessageContract {
    static let routingKey = InquiryReceived.routingKey
    static let version = 1
    static let kind = MessageKind.event

    var requestCode: String
}
