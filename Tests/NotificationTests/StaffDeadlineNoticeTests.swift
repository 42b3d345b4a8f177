import Contracts
import Foundation
import TestSupport
import Testing

/// crm's morning deadline digest, as the officer's mail client shows it: crm's subject and
/// text, links and all, once however often crm asks.
@Suite struct StaffDeadlineNoticeTests {
    private static func digest(to email: String, noticeId: String) -> SendStaffDeadlineNotice {
        SendStaffDeadlineNotice(
            noticeId: noticeId, branchCode: "PC05TK", staffId: "tk-cs-01", email: email,
            subject: "[PC05TK] Phiếu đến hạn và quá hạn ngày 11/09/2025 / Tickets due and late on 11/09/2025",
            text: """
                Kính gửi Trần Thị Mai,

                Đến hạn hôm nay (1):
                - PC05TK-250908-000001 · Cấp điện mới hạ áp · hạn 11/09/2025
                  http://localhost:8081/phieu/CRM-PC05TK-250908-000001
                """,
            issuedAt: Date())
    }

    @Test func theDigestGoesOutOnceWithItsLinks() async throws {
        try await NotificationHarness.run { harness, _ in
            let service = try await harness.start()
            let email = SMTPSink.uniqueRecipient("tk-cs-01")
            let noticeId = "digest/2025-09-11/tk-cs-01-\(UUID().uuidString.prefix(8))"
            let first = try await harness.publish(Self.digest(to: email, noticeId: noticeId), correlationId: noticeId)
            let again = try await harness.publish(Self.digest(to: email, noticeId: noticeId), correlationId: noticeId)

            try await eventually("the digest arrived") { try SMTPSink.current.mails(to: email).count == 1 }
            let mail = try #require(try SMTPSink.current.mails(to: email).first)
            #expect(mail.subject == "[PC05TK] Phiếu đến hạn và quá hạn ngày 11/09/2025 / Tickets due and late on 11/09/2025")
            #expect(mail.body.contains("- PC05TK-250908-000001 · Cấp điện mới hạ áp · hạn 11/09/2025"))
            #expect(mail.body.contains("http://localhost:8081/phieu/CRM-PC05TK-250908-000001"))
            try await harness.awaitHandled([first, again])
            try await eventually("the delivery is settled") {
                try await service.deliveries(of: noticeId).allSatisfy { $0["status"] as? String == "delivered" }
            }
            #expect(try await service.deliveries(of: noticeId).count == 1)
            #expect(try SMTPSink.current.mails(to: email).count == 1, "a repeated command e-mails once")
        }
    }

    @Test func aDigestWithoutAUsableAddressIsDeadLettered() async throws {
        try await NotificationHarness.run { harness, _ in
            try await harness.start()
            let noticeId = "digest/2025-09-11/nobody-\(UUID().uuidString.prefix(8))"
            try await harness.publish(Self.digest(to: "not an address", noticeId: noticeId), correlationId: noticeId)
            try await eventually("the command is dead-lettered") {
                harness.logs.all.contains {
                    $0.message == "message dead-lettered" && $0.metadata["reason"]?.contains("names no usable e-mail address") == true
                }
            }
        }
    }
}
