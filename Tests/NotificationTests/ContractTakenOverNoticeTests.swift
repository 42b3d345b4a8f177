import Contracts
import Foundation
import TestSupport
import Testing

/// After a change of holder the new holder, not the one who filed the request, is told the
/// contract is theirs, at the phone and e-mail the request gave for them.
@Suite struct ContractTakenOverNoticeTests {
    static let newHolderPhone = "+84987654321"

    static func holderChanged(_ code: String, contact: CustomerContact?) -> ContractHolderChanged {
        ContractHolderChanged(contractNumber: "HĐ-TK-2025-000123", requestCode: code, branch: SampleEvents.branch,
                              customerCode: "PC05TK0012345", effectiveOn: CalendarDate("2026-12-04")!,
                              changedAt: Date(timeIntervalSince1970: 1_796_360_000), communeCode: "20314",
                              holderContact: contact)
    }

    @Test func theNewHolderIsToldByTextAndEmailThatTheContractIsTheirsFromTheDayTheySigned() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let code = SampleEvents.requestCode()
            let leavingEmail = SampleEvents.email(), newEmail = SampleEvents.email()
            try await harness.publish(SampleEvents.ticketOpened(code, email: leavingEmail, kind: .changeOfHolder),
                                      correlationId: code)
            try await eventually("the one filing is told the request was received") {
                await gateway.messages().count == 1
            }
            try await harness.publish(Self.holderChanged(code, contact: CustomerContact(
                phone: Self.newHolderPhone, email: newEmail)), correlationId: code)

            try await eventually("the new holder's SMS and e-mail went out") {
                try await gateway.messages().count == 2 && SMTPSink.current.mails(to: newEmail).count == 1
            }
            let sms = try #require(await gateway.messages().last)
            #expect(sms.phone == "84987654321")
            #expect(sms.content == "Dien luc Tam Ky: Tu ngay 04/12/2026, hop dong mua ban dien so HD-TK-2025-000123 "
                    + "(ma khach hang PC05TK0012345) da chuyen sang ten Quy khach. "
                    + "Ban da ky: https://cskh.example.vn/ky-hop-dong?code=\(code)")
            let mail = try #require(try SMTPSink.current.mails(to: newEmail).first)
            #expect(mail.subject == "Hợp đồng mua bán điện số HĐ-TK-2025-000123 đã chuyển sang tên Quý khách")
            #expect(mail.body.contains("Từ ngày 04/12/2026, hợp đồng đứng tên Quý khách"))
            #expect(try SMTPSink.current.mails(to: leavingEmail).count == 1, "the one leaving got the receipt only")

            try await eventually("crm hears of both deliveries") {
                try await harness.sent(CustomerNotified.self).filter { $0.notice == .contractSigned }
                    .flatMap(\.deliveries).count == 2
            }
        }
    }

    @Test func aChangeWithoutTheNewHoldersContactTellsNobodyAndTheServiceGoesOn() async throws {
        try await NotificationHarness.run { harness, gateway in
            let service = try await harness.start()
            let silent = SampleEvents.requestCode(), told = SampleEvents.requestCode()
            try await harness.publish(Self.holderChanged(silent, contact: nil), correlationId: silent)
            try await harness.publish(Self.holderChanged(told, contact: CustomerContact(phone: Self.newHolderPhone)),
                                      correlationId: told)
            try await eventually("the second change's SMS went out") { await gateway.messages().count == 1 }
            #expect(try await service.deliveries(of: silent).isEmpty)
            #expect(try await harness.broker.queueDepth("notification.dead") == 0)
        }
    }
}
