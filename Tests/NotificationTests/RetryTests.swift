import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// A gateway or mail relay that is down delays a notice; it never loses one.
@Suite struct RetryTests {
    @Test func anSMSRefusedTwiceByABusyGatewayIsDeliveredOnTheThirdAttempt() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start()
            let code = SampleEvents.requestCode()
            gateway.failNext(2)

            try await harness.publish(SampleEvents.ticketOpened(code, email: nil), correlationId: code)

            try await eventually("the SMS went out") { await gateway.messages().count == 1 }
            #expect(await gateway.requestCount() == 3)
            try await eventually("the delivery log shows it delivered") {
                try await service.deliveries(of: code, channel: "sms").first?["status"] as? String == "delivered"
            }
            let record = try #require(try await service.deliveries(of: code, channel: "sms").first)
            #expect(record["attempts"] as? Int == 3)
            #expect(record["recipient"] as? String == "+8491****678")
            #expect(record["notice"] as? String == "request_received")
            #expect(record["outcome"] as? String != nil)
            #expect(harness.logs.contains("notice not delivered; will retry", where: "request_code", is: code))
        }
    }

    @Test func anEmailIsRetriedWhileTheMailRelayIsDown() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start(["SMTP_PORT": "1"])
            let code = SampleEvents.requestCode()

            try await harness.publish(SampleEvents.ticketOpened(code, email: SampleEvents.email()), correlationId: code)

            try await eventually("the e-mail was tried more than once") {
                (try await service.deliveries(of: code, channel: "email").first?["attempts"] as? Int ?? 0) >= 2
            }
            let record = try #require(try await service.deliveries(of: code, channel: "email").first)
            #expect(["pending", "sending"].contains(record["status"] as? String))
            #expect(record["lastError"] as? String != nil)
            #expect(try await service.deliveries(of: code, channel: "sms").first?["status"] as? String == "delivered")
            let announced = try await harness.sent(CustomerNotified.self)
            #expect(announced.map(\.deliveries.count) == [1], "the SMS is announced alone, the e-mail does not hold it back")
            #expect(announced.first?.channel == .sms)
        }
    }

    @Test func deliveriesPendingAtAStopAreSentAfterTheRestart() async throws {
        try await NotificationHarness.run { harness, gateway in
            let first = try await harness.start(["SMTP_PORT": "1"])
            let code = SampleEvents.requestCode()
            let email = SampleEvents.email()
            gateway.failNext(1_000)
            try await harness.publish(SampleEvents.ticketOpened(code, email: email), correlationId: code)
            try await eventually("both deliveries failed once") {
                let deliveries = try await first.deliveries(of: code)
                return deliveries.count == 2 && deliveries.allSatisfy { ($0["attempts"] as? Int ?? 0) >= 1 }
            }
            await first.stop()
            gateway.failNext(0)

            _ = try await harness.start()

            try await eventually("the SMS and the e-mail went out after the restart") {
                try await gateway.messages().count == 1 && SMTPSink.current.mails(to: email).count == 1
            }
            try await eventually("both are announced") {
                try await harness.sent(CustomerNotified.self).flatMap(\.deliveries).count == 2
            }
        }
    }
}
