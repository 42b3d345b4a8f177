import Contracts
import Foundation
import GRDB
import NotificationText
import TestSupport
import Testing

/// What the customer receives for each step of the flow, and what crm hears about it.
@Suite struct NoticeDeliveryTests {
    @Test func anOpenedTicketSendsOneSMSWithoutDiacriticsAndOneVietnameseEmail() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let code = SampleEvents.requestCode()
            let email = SampleEvents.email()

            try await harness.publish(SampleEvents.ticketOpened(code, email: email), correlationId: code)

            try await eventually("the SMS and the e-mail went out") {
                try await gateway.messages().count == 1 && SMTPSink.current.mails(to: email).count == 1
            }
            let expected = try RequestReceivedContext(
                requestKind: .newLowVoltageConnection, requestCode: code, branchName: "Tam Kỳ", branchHotline: "0235 3852 999",
                trackingLink: URL(string: "https://cskh.example.vn/track/\(code)")!
            ).render()
            let sms = try #require(await gateway.messages().first)
            #expect(sms.phone == "84912345678")
            #expect(sms.brandname == NotificationHarness.brandname)
            #expect(!sms.isUnicode)
            #expect(sms.content == expected.smsWithoutDiacritics.text)
            #expect(sms.content.hasPrefix("Dien luc Tam Ky: Yeu cau cap dien moi ha ap \(code) da duoc tiep nhan."))
            #expect(sms.content.unicodeScalars.allSatisfy { $0.isASCII })

            let mail = try #require(try SMTPSink.current.mails(to: email).first)
            #expect(mail.subject == expected.email.subject)
            #expect(mail.subject == "Điện lực Tam Kỳ đã tiếp nhận yêu cầu cấp điện mới hạ áp \(code)")
            #expect(mail.body.trimmingCharacters(in: .newlines) == expected.email.body)
            #expect(mail.from == "Điện lực Tam Kỳ <cskh@dienluc.example.vn>")
        }
    }

    @Test func aNoticesSMSAndEmailAreAnnouncedToCRMInOneEvent() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let code = SampleEvents.requestCode()
            let before = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))

            try await harness.publish(SampleEvents.ticketOpened(code, email: SampleEvents.email()), correlationId: code)

            try await eventually("a customer.notified event") { try await !harness.sent(CustomerNotified.self).isEmpty }
            try await Task.sleep(for: .milliseconds(300))
            let events = try await harness.sent(CustomerNotified.self)
            #expect(events.count == 1, "the SMS and the e-mail went in one batch: one event")
            let event = try #require(events.first)
            #expect(event.requestCode == code && event.notice == .requestReceived)
            #expect(event.deliveries.map(\.channel).sorted { $0.rawValue < $1.rawValue } == [.email, .sms])
            #expect(event.alsoDelivered?.count == 1)
            #expect(event.deliveries.allSatisfy { $0.deliveredAt >= before && $0.deliveredAt <= Date() })
            let wire = try #require(try await harness.broker.peek(NotificationHarness.observerQueue).first)
            let properties = try #require(wire["properties"] as? [String: Any])
            #expect(properties["correlation_id"] as? String == code)
            #expect(properties["type"] as? String == "notification.customer.notified.v1")
        }
    }

    @Test func aRedeliveredOrReEmittedEventNotifiesNobodyTwice() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start()
            let code = SampleEvents.requestCode()
            let email = SampleEvents.email()
            let event = SampleEvents.ticketOpened(code, email: email)

            let messageId = try await harness.publish(event, correlationId: code)
            try await harness.publish(event, messageId: messageId, correlationId: code)
            let third = try await harness.publish(event, correlationId: code)

            try await eventually("the first SMS and e-mail went out") {
                try await gateway.messages().count == 1 && SMTPSink.current.mails(to: email).count == 1
            }
            try await harness.awaitHandled([messageId, messageId, third])
            try await eventually("the deliveries are settled") {
                try await service.deliveries(of: code).allSatisfy { $0["status"] as? String == "delivered" }
            }
            #expect(await gateway.messages().count == 1)
            #expect(try SMTPSink.current.mails(to: email).count == 1)
            #expect(try await service.deliveries(of: code).count == 2)
        }
    }

    @Test func theDeliveryLogIsReadOnlyByStaffOfTheRequestsUnit() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start()
            let code = SampleEvents.requestCode()
            try await harness.publish(SampleEvents.ticketOpened(code, email: SampleEvents.email()), correlationId: code)
            try await eventually("the SMS went out") { await gateway.messages().count == 1 }

            let path = "api/v1/deliveries?requestCode=\(code)"
            #expect(try await service.get(path).status == 401)
            #expect(try await service.get(path, token: "not-a-token").status == 401)
            #expect(try await service.get(path, token: try await service.staffToken(unit: "PC05HA")).status == 403)
            let reminders = "api/v1/deliveries?customerCode=PC05TK0000001"
            #expect(try await service.get(reminders, token: try await service.staffToken(unit: "PC05HA")).status == 403)
            let own = try await service.get(path, token: try await service.staffToken(unit: "PC05TK"))
            #expect(own.status == 200)
            #expect((try own.json()["deliveries"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test func refusalAndSignatureReachTheContactKeptFromTheTicket() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let code = SampleEvents.requestCode()
            let email = SampleEvents.email()
            try await harness.publish(SampleEvents.ticketOpened(code, email: email), correlationId: code)
            try await harness.publish(SampleEvents.refused(code), correlationId: code)
            try await harness.publish(SampleEvents.contractSigned(code), correlationId: code)

            try await eventually("three SMS and three e-mails") {
                try await gateway.messages().count == 3 && SMTPSink.current.mails(to: email).count == 3
            }
            let texts = await gateway.messages().map(\.content)
            #expect(texts.contains { $0.contains("Ly do: Khu vuc chua co luoi dien ha ap.") })
            #expect(texts.contains { $0.contains("hop dong mua ban dien so HD-TK-2025-000123") })
            #expect(await gateway.messages().allSatisfy { $0.phone == "84912345678" })
            let subjects = try SMTPSink.current.mails(to: email).map(\.subject)
            #expect(subjects.contains("Kết quả khảo sát yêu cầu cấp điện \(code)"))
            #expect(subjects.contains("Xác nhận đã ký hợp đồng mua bán điện số HĐ-TK-2025-000123"))
        }
    }

    @Test func withUnicodeOnTheSMSKeepsItsDiacritics() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start(["SMS_UNICODE": "1"])
            let code = SampleEvents.requestCode()

            try await harness.publish(SampleEvents.ticketOpened(code, email: nil), correlationId: code)

            try await eventually("the SMS went out") { await gateway.messages().count == 1 }
            let sms = try #require(await gateway.messages().first)
            #expect(sms.isUnicode)
            #expect(sms.content.hasPrefix("Điện lực Tam Kỳ: Yêu cầu cấp điện mới hạ áp \(code)"))
        }
    }

    /// A service request's ticket is worded as its kind; one from before the kind travelled, as
    /// a connection.
    @Test func theFirstNoticeNamesTheRequestsKind() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let (termination, older) = (SampleEvents.requestCode(), SampleEvents.requestCode())
            let email = SampleEvents.email()

            try await harness.publish(SampleEvents.ticketOpened(termination, email: email, kind: .contractTermination),
                                      correlationId: termination)
            try await harness.publish(SampleEvents.ticketOpened(older, email: nil, kind: nil), correlationId: older)

            try await eventually("both SMS went out") { await gateway.messages().count == 2 }
            let texts = await gateway.messages().map(\.content)
            #expect(texts.contains { $0.hasPrefix("Dien luc Tam Ky: Yeu cau cham dut hop dong \(termination) da duoc tiep nhan. "
                                                 + "Nhan vien Dien luc se lien he de hen chot chi so cong to.") })
            #expect(texts.contains { $0.hasPrefix("Dien luc Tam Ky: Yeu cau cap dien moi ha ap \(older) da duoc tiep nhan.") })
            try await eventually("the e-mail arrived") { try !SMTPSink.current.mails(to: email).isEmpty }
            let mail = try #require(try SMTPSink.current.mails(to: email).first)
            #expect(mail.subject == "Điện lực Tam Kỳ đã tiếp nhận yêu cầu chấm dứt hợp đồng \(termination)")
            #expect(mail.body.contains("/track/\(termination)\n"))
        }
    }
}
