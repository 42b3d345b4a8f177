import Contracts
import Foundation
import TestSupport
import Testing

/// A change of holder refused because households found the new holder in another household's
/// dossier is told as the service request it is, not as a connection's survey.
@Suite struct HolderChangeRefusalNoticeTests {
    @Test func aScreenedOutNewHolderIsToldAsAChangeOfHolderRefusal() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let code = SampleEvents.requestCode()
            let email = SampleEvents.email()
            try await harness.publish(SampleEvents.ticketOpened(code, email: email, kind: .changeOfHolder), correlationId: code)
            try await harness.publish(RequestRefused(
                ticketId: "T-\(code)", requestCode: code, requestKind: .changeOfHolder, branch: SampleEvents.branch,
                ground: .screeningConflict,
                reason: "Chủ hợp đồng mới đã đứng tên hồ sơ sử dụng điện của một hộ khác (đơn vị PC05HA)",
                refusedAt: Date(timeIntervalSince1970: 1_764_050_000)), correlationId: code)

            try await eventually("two SMS and two e-mails") {
                try await gateway.messages().count == 2 && SMTPSink.current.mails(to: email).count == 2
            }
            let texts = await gateway.messages().map(\.content)
            #expect(texts.contains("Dien luc Tam Ky: Rat tiec, yeu cau doi chu hop dong \(code) cua Quy khach chua duoc chap thuan. "
                                   + "Ly do: Chu hop dong moi da dung ten ho so su dung dien cua mot ho khac (don vi PC05HA). "
                                   + "Chi tiet: https://cskh.example.vn/track/\(code)"),
                    "\(texts)")
            let subjects = try SMTPSink.current.mails(to: email).map(\.subject)
            #expect(subjects.contains("Kết quả xử lý yêu cầu đổi chủ hợp đồng \(code)"))
            #expect(!subjects.contains("Kết quả khảo sát yêu cầu cấp điện \(code)"))
        }
    }
}
