import Contracts
import Foundation
import Mail
import Messaging
import TestSupport
import Testing

/// Mail delivered over LMTP into the real customer-care mailbox (Dovecot), read by intake over
/// IMAP, and what intake sends on the wire for it. Each test reads a folder of its own.
@Suite struct EmailInTests {
    static let observer = ObserverQueue("intake-test.email-in", events: [CompanyRouting.everyCompany(InquiryReceived.routingKey)],
                                        commands: [SendEmailReply.routingKey])
    let fixture = CustomerCareMailbox.current
    let folder = "intake-\(UUID().uuidString.prefix(8).lowercased())"

    private var environment: [String: String] { fixture.readerSettings(folder: folder) }

    private var mailbox: IMAPMailbox {
        IMAPMailbox(settings: IMAPSettings(url: fixture.imapURL(folder: folder), username: fixture.username,
                                           password: fixture.password, timeout: .seconds(20)))
    }

    /// Delivers a mail into this test's folder; returns its Message-ID.
    @discardableResult
    private func deliver(subject: String, text: String, from sender: String = "an.nguyen@khachhang.example.vn",
                         references: String = "<cau-hoi-truoc@khachhang.example.vn>", headers: String = "") throws -> String {
        let messageID = "\(UUID().uuidString.lowercased())@khachhang.example.vn"
        try fixture.deliver("""
            From: Nguyen Van An <\(sender)>
            To: cskh@evn.local
            Subject: \(subject)
            Message-ID: <\(messageID)>
            References: \(references)
            \(headers)Content-Type: text/plain; charset=UTF-8

            \(text)
            """, from: sender, folder: folder)
        return messageID
    }

    @Test func aCustomersMailIsFiledAtItsCustomerCodesBranchAndAnsweredInItsThread() async throws {
        let messageID = try deliver(subject: "Hoa don thang 11",
                                    text: "Ma khach hang pc05tk0012345, hoá đơn tháng 11 cao bất thường.")
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(SendEmailReply.routingKey)
            let inquiry = try #require(try await intake.sent(InquiryReceived.self).first)
            #expect(inquiry.channel == .email)
            #expect(inquiry.branch.code == "PC05TK")
            #expect(inquiry.requestCode.hasPrefix("PC05TK-"))
            #expect(inquiry.customerCode == "PC05TK0012345")
            #expect(inquiry.subject == "Hoa don thang 11")
            #expect(inquiry.text.hasPrefix("Ma khach hang pc05tk0012345, hoá đơn tháng 11"))
            #expect(inquiry.senderEmail == "an.nguyen@khachhang.example.vn")
            #expect(inquiry.messageId == messageID)

            let reply = try #require(try await intake.sent(SendEmailReply.self).first)
            #expect(reply.email == "an.nguyen@khachhang.example.vn")
            #expect(reply.subject == "Re: Hoa don thang 11")
            #expect(reply.inReplyTo == messageID)
            #expect(reply.references == ["cau-hoi-truoc@khachhang.example.vn"])
            #expect(reply.text.contains("ghi nhận yêu cầu mã \(inquiry.requestCode)"))
            #expect(reply.text.contains("filed it as request \(inquiry.requestCode)"))
            try await eventually("the mail is marked handled") { try mailbox.unhandledUIDs().isEmpty }
        }
    }

    @Test func aMailInTheThreadOfAnInquiryIsFiledUnderItsCodeAndNotAnsweredAgain() async throws {
        let first = try deliver(subject: "Hoa don", text: "PC05TK0012345")
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(SendEmailReply.routingKey)
            let opened = try #require(try await intake.sent(InquiryReceived.self).first)
            #expect(!opened.followUp)
            // The customer answers the automatic reply; the mail names no customer code.
            try deliver(subject: "Re: Hoa don", text: "Toi gui them anh chup hoa don.",
                        references: "<\(first)> <tra-loi@evncpc.example.vn>",
                        headers: "In-Reply-To: <tra-loi@evncpc.example.vn>\n")
            try await intake.awaitSent(InquiryReceived.routingKey, count: 2)
            let followUp = try #require(try await intake.sent(InquiryReceived.self).last)
            #expect(followUp.followUp)
            #expect(followUp.requestCode == opened.requestCode)
            #expect(followUp.branch == opened.branch)
            #expect(followUp.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Toi gui them anh chup hoa don.")
            try await eventually("both mails are marked handled") { try mailbox.unhandledUIDs().isEmpty }
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sent(SendEmailReply.self).count == 1)
        }
    }

    @Test func aNewMailQuotingAnInquirysCodeInItsSubjectIsFiledUnderThatInquiry() async throws {
        try deliver(subject: "Mat dien", text: "PC05TK0012345")
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(SendEmailReply.routingKey)
            let opened = try #require(try await intake.sent(InquiryReceived.self).first)
            try deliver(subject: "Bo sung cho yeu cau \(opened.requestCode.lowercased())", text: "Van chua co dien.",
                        references: "<khac@khachhang.example.vn>")
            try await intake.awaitSent(InquiryReceived.routingKey, count: 2)
            let followUp = try #require(try await intake.sent(InquiryReceived.self).last)
            #expect(followUp.followUp)
            #expect(followUp.requestCode == opened.requestCode)
        }
    }

    @Test func anAutoReplyNamingNoCustomerCodeGoesToTheCorporationsDeskUnanswered() async throws {
        try deliver(subject: "Out of office", text: "I am away until Monday.", headers: "Auto-Submitted: auto-replied\n")
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(InquiryReceived.routingKey)
            let inquiry = try #require(try await intake.sent(InquiryReceived.self).first)
            #expect(inquiry.branch.code == "CORP")
            #expect(inquiry.requestCode.hasPrefix("CORP-"))
            #expect(inquiry.customerCode == nil)
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sent(SendEmailReply.self).isEmpty)
        }
    }

    @Test func aSenderGetsNoMoreAnswersAnHourThanTheLimit() async throws {
        try deliver(subject: "Cau hoi 1", text: "PC05TK0012345")
        try deliver(subject: "Cau hoi 2", text: "PC05TK0012345")
        var settings = environment
        settings["MAIL_REPLY_LIMIT_PER_SENDER"] = "1"
        try await IntakeHarness.run(observing: [Self.observer], environment: settings) { intake in
            try await intake.awaitSent(InquiryReceived.routingKey, count: 2)
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sent(SendEmailReply.self).map(\.subject) == ["Re: Cau hoi 1"])
        }
    }

    @Test func aMailFiledJustBeforeACrashIsFiledOnceAfterTheRestart() async throws {
        try deliver(subject: "Mat dien", text: "PC05TK0012345")
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(SendEmailReply.routingKey)
            try await eventually("the mail is marked handled") { try mailbox.unhandledUIDs().isEmpty }
            await intake.service.stop()
            // What a crash after the commit and before the mark leaves: a filed mail still unhandled.
            try mailbox.markUnhandled(uid: 1)
            #expect(try mailbox.unhandledUIDs() == [1])

            try await intake.start()
            try await eventually("the mail is marked handled again") { try mailbox.unhandledUIDs().isEmpty }
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sent(InquiryReceived.self).count == 1)
            #expect(try await intake.sent(SendEmailReply.self).count == 1)
            #expect(try await intake.count("intake_inbound_mail") == 1)
        }
    }

    @Test func aMailsPhotoIsKeptSealedForItsBranchAndAProgramBesideItIsLeftOut() async throws {
        let observer = ObserverQueue("intake-test.email-files",
                                     events: [InquiryReceived.routingKey, AttachmentAdded.routingKey].map(CompanyRouting.everyCompany))
        let sender = "an.nguyen@khachhang.example.vn"
        try fixture.deliver("""
            From: Nguyen Van An <\(sender)>
            To: cskh@evn.local
            Subject: Giay to cap dien
            Message-ID: <\(UUID().uuidString.lowercased())@khachhang.example.vn>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="ranh-gioi"

            --ranh-gioi
            Content-Type: text/plain; charset=UTF-8

            Ma khach hang PC05TK0012345, toi gui anh so ho khau.
            --ranh-gioi
            Content-Type: application/pdf; name="so-ho-khau.pdf"
            Content-Disposition: attachment; filename="so-ho-khau.pdf"
            Content-Transfer-Encoding: base64

            \(SamplePapers.png.base64EncodedString(options: .lineLength76Characters))
            --ranh-gioi
            Content-Type: image/jpeg; name="anh.jpg"
            Content-Disposition: attachment; filename="anh.jpg"
            Content-Transfer-Encoding: base64

            \(SamplePapers.exe.base64EncodedString(options: .lineLength76Characters))
            --ranh-gioi--
            """, from: sender, folder: folder)
        try await IntakeHarness.run(observing: [observer], environment: environment) { intake in
            try await intake.awaitSent(InquiryReceived.routingKey)
            try await eventually("the mail is marked handled") { try mailbox.unhandledUIDs().isEmpty }
            let inquiry = try #require(try await intake.sent(InquiryReceived.self).first)
            let files = try await intake.sent(AttachmentAdded.self)
            #expect(files.count == 1)
            let file = try #require(files.first)
            #expect(file.requestCode == inquiry.requestCode)
            #expect(file.branchCode == "PC05TK")
            #expect(file.contentType == "image/png")
            #expect(file.kind == "other")
            #expect(file.channel == .email)
            #expect(try intake.storeBytes().range(of: SamplePapers.png) == nil)
            #expect(intake.logs.contains("e-mail filed as an inquiry", where: "files_left_out", is: "1"))

            let officer = try await intake.token(.customerService, unit: "PC05TK")
            let download = try await intake.staffPage("nhan-vien/tep-dinh-kem/\(file.attachmentId)", token: officer)
            #expect(download.status == 200)
            #expect(download.body == SamplePapers.png)
        }
    }
}
