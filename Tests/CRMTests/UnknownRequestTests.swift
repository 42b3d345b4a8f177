import Contracts
import Foundation
import Messaging
import TestSupport
import Testing

/// An answer about a request crm opened no ticket for can never be handled, however often it
/// comes: crm dead-letters it on the first attempt with the reason, and goes on with the rest.
@Suite struct UnknownRequestTests {
    @Test func answersAboutARequestCRMNeverOpenedAreDeadLetteredAtOnceWithTheReason() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000404"
            let at = vietnamTime("2025-09-08 09:00")
            try await crm.publish(Samples.clear(code, at: at), correlationId: code)
            try await crm.publish(Samples.workOrder(code, at: at), correlationId: code)
            try await crm.publish(Samples.installed(code, at: at), correlationId: code)
            try await crm.publish(Samples.notified(code, .requestReceived, at: at), correlationId: code)
            try await eventually("the four reached crm.dead") { try await crm.broker.queueDepth("crm.dead") == 4 }

            let letters = try await crm.broker.peek("crm.dead", count: 4)
            let headers = letters.compactMap { ($0["properties"] as? [String: Any])?["headers"] as? [String: Any] }
            #expect(headers.count == 4)
            for header in headers {
                #expect(header[Header.deadReason] as? String == "no ticket for request \(code)")
                #expect(header[Header.deadAttempts] as? Int == 1, "refused at once, not retried")
            }

            let next = Samples.submitted("PC05TK-250908-000405", at: at)
            try await crm.publish(next, correlationId: next.requestCode)
            try await eventually("the request behind them opens its ticket") { try await crm.count("crm_tickets") == 1 }
        }
    }
}
