import Contracts
import Foundation
import TestSupport
import Testing

/// The answer to a customer's e-mail, as the customer's mail client shows it: in their thread,
/// with intake's text, once however often intake asks.
@Suite struct EmailReplyTests {
    private static func reply(to email: String, mailId: String) -> SendEmailReply {
        SendEmailReply(
            mailId: mailId, requestCode: "PC05TK-261204-000003", email: email,
            subject: "Re: Hỏi về hoá đơn tháng 11",
            text: "Điện lực Tam Kỳ đã nhận thư của Quý khách, mã yêu cầu PC05TK-261204-000003.",
            inReplyTo: "cau-hoi-2@khachhang.example.vn", references: ["cau-hoi-1@khachhang.example.vn"],
            issuedAt: Date())
    }

    @Test func theAnswerGoesOutOnceInTheCustomersThread() async throws {
        try await NotificationHarness.run { harness, _ in
            let service = try await harness.start()
            let email = SMTPSink.uniqueRecipient("hoi")
            let mailId = "1733270400-\(UUID().uuidString.prefix(8))"
            let messageId = try await harness.publish(Self.reply(to: email, mailId: mailId),
                                                      correlationId: "PC05TK-261204-000003")
            try await harness.publish(Self.reply(to: email, mailId: mailId), messageId: messageId,
                                      correlationId: "PC05TK-261204-000003")
            let third = try await harness.publish(Self.reply(to: email, mailId: mailId),
                                                  correlationId: "PC05TK-261204-000003")

            try await eventually("the answer arrived") { try SMTPSink.current.mails(to: email).count == 1 }
            let mail = try #require(try SMTPSink.current.mails(to: email).first)
            #expect(mail.subject == "Re: Hỏi về hoá đơn tháng 11")
            #expect(mail.body.contains("mã yêu cầu PC05TK-261204-000003"))
            #expect(try mail.message.value("In-Reply-To") == "<cau-hoi-2@khachhang.example.vn>")
            #expect(try mail.message.value("References")
                == "<cau-hoi-1@khachhang.example.vn> <cau-hoi-2@khachhang.example.vn>")
            try await harness.awaitHandled([messageId, messageId, third])
            try await eventually("the deliveries are settled") {
                try await service.deliveries(of: mailId).allSatisfy { $0["status"] as? String == "delivered" }
            }
            #expect(try await service.deliveries(of: mailId).count == 1)
            #expect(try SMTPSink.current.mails(to: email).count == 1)
        }
    }
}
