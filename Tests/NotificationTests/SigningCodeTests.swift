import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// The contract's signing code is a secret: it reaches the customer's phone and nothing else.
@Suite struct SigningCodeTests {
    @Test func theCodeGoesBySMSOnlyAndIsNeitherLoggedNorKept() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start()
            let code = SampleEvents.requestCode()
            let email = SampleEvents.email()
            let signingCode = "482915"
            try await harness.publish(SampleEvents.ticketOpened(code, email: email), correlationId: code)

            try await harness.publish(SampleEvents.signingCode(code, code: signingCode), correlationId: code)

            try await eventually("the contract-ready SMS and e-mail went out") {
                try await gateway.messages().count == 2 && SMTPSink.current.mails(to: email).count == 2
            }
            let sms = try #require(await gateway.messages().first { $0.content.contains("Ma ky:") })
            #expect(sms.content.contains("Ma ky: \(signingCode), hieu luc 15 phut."))
            #expect(sms.content.hasSuffix("Ky tai: https://cskh.example.vn/ky-hop-dong?code=\(code)"), "the signing page, its code filled in")
            #expect(sms.phone == "84912345678")
            let contractReady = "Hợp đồng mua bán điện của yêu cầu \(code) đã sẵn sàng để ký"
            let mail = try #require(try SMTPSink.current.mails(to: email).first { $0.subject == contractReady })
            #expect(!mail.body.contains(signingCode))
            #expect(!mail.subject.contains(signingCode))

            try await eventually("both deliveries are settled") {
                try await service.deliveries(of: code).allSatisfy { $0["status"] as? String == "delivered" }
            }
            let leaks = harness.logs.all.filter { line in
                line.message.contains(signingCode) || line.metadata.values.contains { $0.contains(signingCode) }
            }
            #expect(leaks.isEmpty, "log lines with the code: \(leaks.map(\.message))")
            let stored = try await service.host.context.store.database.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM notification_deliveries WHERE content_sealed IS NOT NULL OR recipient_sealed IS NOT NULL
                    """)
            }
            #expect(stored == 0)
            #expect(try harness.storeBytes().range(of: Data(signingCode.utf8)) == nil, "the store holds the code in plain text")
        }
    }

    /// Even within the second of the first: the wire's instants have whole seconds, and a
    /// customer may ask for a new code as soon as the first arrives.
    @Test func aNewCodeForTheSameRequestIsSentToo() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let code = SampleEvents.requestCode()
            let second = SampleEvents.signingCode(code, code: "700001")

            try await harness.publish(SampleEvents.signingCode(code, code: "700000"), correlationId: code)
            try await harness.publish(second, correlationId: code)

            try await eventually("both codes went out") { await gateway.messages().count == 2 }
            let texts = await gateway.messages().map(\.content)
            #expect(texts.contains { $0.contains("700000") } && texts.contains { $0.contains("700001") })
        }
    }
}
