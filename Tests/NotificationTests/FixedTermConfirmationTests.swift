import Contracts
import Foundation
import TestSupport
import Testing

/// The confirmation of a contract with a term names the last day the signature fixed; an
/// open-ended contract's stays as it was.
@Suite struct FixedTermConfirmationTests {
    @Test func theConfirmationOfAContractWithATermNamesItsLastDay() async throws {
        try await NotificationHarness.run { harness, gateway in
            _ = try await harness.start()
            let fixed = SampleEvents.requestCode(), openEnded = SampleEvents.requestCode()
            let email = SampleEvents.email()
            for code in [fixed, openEnded] {
                try await harness.publish(SampleEvents.ticketOpened(code, email: email), correlationId: code)
            }
            var signed = SampleEvents.contractSigned(fixed)
            signed.endsOn = CalendarDate("2026-05-27")
            try await harness.publish(signed, correlationId: fixed)
            try await harness.publish(SampleEvents.contractSigned(openEnded), correlationId: openEnded)

            try await eventually("both confirmations went out") {
                try await gateway.messages().count == 4 && SMTPSink.current.mails(to: email).count == 4
            }
            let texts = await gateway.messages().map(\.content)
            #expect(texts.contains { $0.contains("(yeu cau \(fixed)), co thoi han den het ngay 27/05/2026.") }, "\(texts)")
            #expect(texts.contains { $0.hasSuffix("(yeu cau \(openEnded)). Ban hop dong da ky: https://cskh.example.vn/track/\(openEnded)") },
                    "\(texts)")
            #expect(!texts.contains { $0.contains("ke tu ngay ky") })
            let bodies = try SMTPSink.current.mails(to: email).map(\.body)
            #expect(bodies.filter { $0.contains("Hợp đồng có thời hạn đến hết ngày 27/05/2026.") }.count == 1)
        }
    }
}
