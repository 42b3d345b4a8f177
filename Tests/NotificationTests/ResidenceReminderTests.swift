import Contracts
import Foundation
import TestSupport
import Testing

/// households' residence reminders: one SMS to the main household per reminder, its phone
/// never shown in full.
@Suite struct ResidenceReminderTests {
    @Test func eachThresholdSendsOneSMSWithItsText() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start()
            let expiring = SampleEvents.residenceReminder(.expiringSoon)
            let expired = SampleEvents.residenceReminder(.expired)

            try await harness.publish(expiring, correlationId: expiring.reminderId, appId: "households")
            try await harness.publish(expired, correlationId: expired.reminderId, appId: "households")

            try await eventually("both reminders went out") { await gateway.messages().count == 2 }
            let texts = await gateway.messages().map(\.content)
            #expect(texts.contains("""
                Dien luc thong bao: Xac nhan cu tru cua mot ho dung chung cong to ma khach hang PC05TK0012345 \
                het han ngay 31/12/2025. Quy khach vui long gia han tai Dien luc truoc ngay nay de ho tiep tuc \
                duoc tinh dinh muc gia dien.
                """))
            #expect(texts.contains("""
                Dien luc thong bao: Xac nhan cu tru cua mot ho dung chung cong to ma khach hang PC05TK0012345 \
                da het han ngay 31/12/2025. Ho nay khong con duoc tinh dinh muc gia dien cho den khi Quy khach \
                dang ky lai tai Dien luc.
                """))
            for sms in await gateway.messages() {
                #expect(sms.phone == "84912345678")
                #expect(sms.brandname == NotificationHarness.brandname)
                #expect(!sms.isUnicode)
            }

            try await eventually("both reminders are logged as delivered") {
                let log = try await service.reminders(about: "PC05TK0012345")
                return log.count == 2 && log.allSatisfy { $0["status"] as? String == "delivered" }
            }
            let log = try await service.reminders(about: "PC05TK0012345")
            #expect(Set(log.compactMap { $0["reminderId"] as? String }) == [expiring.reminderId, expired.reminderId])
            #expect(Set(log.compactMap { $0["notice"] as? String }) == ["residence_expiring_soon", "residence_expired"])
            #expect(log.allSatisfy { $0["requestCode"] == nil && $0["recipient"] as? String == "+8491****678" })
            #expect(try await service.deliveries(of: expiring.reminderId).isEmpty)
            #expect(try await harness.sent(CustomerNotified.routingKey).isEmpty)
        }
    }

    @Test func aRepeatedReminderIsSentOnce() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let reminder = SampleEvents.residenceReminder(.expired)
            var newPhone = reminder
            newPhone.phone = "+84987654321"

            try await harness.publish(reminder, messageId: "reminder-1", correlationId: reminder.reminderId)
            try await harness.publish(reminder, messageId: "reminder-1", correlationId: reminder.reminderId)
            try await harness.publish(reminder, messageId: "reminder-2", correlationId: reminder.reminderId)
            try await harness.publish(newPhone, messageId: "reminder-3", correlationId: reminder.reminderId)

            try await harness.awaitHandled(["reminder-1", "reminder-1", "reminder-2", "reminder-3"])
            try await eventually("the reminder went out") { await gateway.messages().count == 1 }
            #expect(await gateway.messages().count == 1)
            #expect(await gateway.messages().first?.phone == "84912345678")
            #expect(try await harness.count("notification_deliveries") == 1)
        }
    }

    @Test func thePhoneIsSealedAtRestAndMaskedInEveryLogLine() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start(["SMS_UNICODE": "1"])
            let reminder = SampleEvents.residenceReminder(.expiringSoon, phone: "+84912000111")

            try await harness.publish(reminder, correlationId: reminder.reminderId, appId: "households")

            try await eventually("the reminder went out") { await gateway.messages().count == 1 }
            let sms = try #require(await gateway.messages().first)
            #expect(sms.isUnicode)
            #expect(sms.content.hasPrefix("Điện lực thông báo: Xác nhận cư trú của một hộ dùng chung công tơ"))
            #expect(sms.phone == "84912000111")

            try await eventually("the reminder is logged as delivered") {
                try await service.reminders(about: reminder.customerCode).first?["status"] as? String == "delivered"
            }
            #expect(harness.logs.contains("residence reminder queued", where: "recipient", is: "+8491****111"))
            #expect(harness.logs.contains("notice delivered", where: "reminder_id", is: reminder.reminderId))
            let leaks = harness.logs.all.filter { line in
                line.message.contains("912000111") || line.metadata.values.contains { $0.contains("912000111") }
            }
            #expect(leaks.isEmpty, "log lines with the full phone: \(leaks.map(\.message))")
            #expect(try harness.storeBytes().range(of: Data("912000111".utf8)) == nil)
        }
    }

    @Test func remindersTheGatewayKeepsRefusingAreCountedAsWaitingUntilTheyLeave() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start(["DELIVERY_MAX_ATTEMPTS": "1000"])
            let reminder = SampleEvents.residenceReminder(.expired)
            let code = SampleEvents.requestCode()
            gateway.failNext(1_000)

            try await harness.publish(reminder, correlationId: reminder.reminderId, appId: "households")
            try await harness.publish(SampleEvents.ticketOpened(code, email: nil), correlationId: code)

            try await eventually("the reminder was refused") {
                (try await service.reminders(about: reminder.customerCode).first?["attempts"] as? Int ?? 0) >= 1
            }
            try await eventually("the request's notice was refused") {
                (try await service.deliveries(of: code, channel: "sms").first?["attempts"] as? Int ?? 0) >= 1
            }
            #expect(try await service.get("metrics").metric("reminders_waiting") == 1,
                    "the request's notice waits too, but it is no reminder")

            gateway.failNext(0)
            try await eventually("the reminder left") { await gateway.messages().count == 2 }
            try await eventually("no reminder waits") { try await service.get("metrics").metric("reminders_waiting") == 0 }
        }
    }
}
