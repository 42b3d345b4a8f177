import Contracts
import Foundation
@testable import Intake
import ServiceKit
import TestSupport
import Testing

/// The SMS gateway's callback as an HTML form, the way many brandname gateways post it, and
/// what intake asks notification to answer, read on the wire.
@Suite struct InboundSMSTests {
    static let observer = ObserverQueue("intake-test.sms-replies", events: [], commands: [SendSMSReply.routingKey])

    @Test func aFormEncodedCallbackIsAnsweredWithTheSyntaxOnTheWire() async throws {
        try await IntakeHarness.run(observing: [Self.observer]) { intake in
            let body = Data("messageId=mo-form-1&sender=84905123456&shortCode=8088&text=EVN+gi+do".utf8)
            let signature = WebhookSignature(secret: IntakeSettings.developmentSMSInboundSecret).sign(body)
            let answer = try await intake.call("POST", "api/webhooks/sms", body: body, headers: [
                "Content-Type": "application/x-www-form-urlencoded", "X-Signature": "sha256=\(signature)",
            ])
            #expect(answer.status == 200)
            #expect(try answer.json()["outcome"] as? String == "answered")

            try await intake.awaitSent(SendSMSReply.routingKey)
            let reply = try #require(try await intake.sent(SendSMSReply.self).first)
            #expect(reply.messageId == "mo-form-1")
            #expect(reply.phone == "+84905123456")
            #expect(reply.text.hasPrefix("EVN: Soan EVN TC <ma yeu cau>") && reply.text.contains("gui 8088"), "\(reply.text)")
        }
    }

    @Test func aCallbackWithoutItsFieldsNamesEachOne() async throws {
        try await IntakeHarness.run(observing: [Self.observer]) { intake in
            let body = Data(#"{"sender": "0905", "text": "EVN", "receivedAt": "hôm qua"}"#.utf8)
            let signature = WebhookSignature(secret: IntakeSettings.developmentSMSInboundSecret).sign(body)
            let answer = try await intake.call("POST", "api/webhooks/sms", body: body, headers: ["X-Signature": signature])
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["messageId", "sender", "receivedAt"])
            #expect(try await intake.count("intake_inbound_sms") == 0)
        }
    }

    @Test func nobodyFilesARequestOrReportAsIfItCameBySMS() async throws {
        try await IntakeHarness.run(observing: [Self.observer]) { intake in
            var form = SampleForms.web()
            form["channel"] = "sms"
            let request = try await intake.submit(form)
            #expect(request.status == 422)
            #expect(try request.errorFields() == ["channel"])
            let report = try await intake.post("api/v1/outage-reports", [
                "channel": "sms", "communeCode": "20350", "phone": "0905123456", "consent": true,
            ])
            #expect(report.status == 422)
            #expect(try report.errorFields() == ["channel"])
        }
    }
}
