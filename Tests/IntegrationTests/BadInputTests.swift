import FlowDriver
import Foundation
import GRDB
import StaffAuth
import TestSupport
import Testing

/// Scenario 4: what the public face does with bad input: a clear 4xx in Vietnamese and
/// English, and nothing stored or published anywhere.
@Suite(.serialized) struct BadInputTests {
    @Test func badRequestsAreRefusedClearlyAndLeaveNoTrace() async throws {
        try await Platform.run("bad-input", services: ["intake", "crm"]) { platform in
            let requests = "\(platform.url("intake"))/api/v1/requests"
            let customer = SampleCustomer.make()

            var noConsent = customer.requestForm()
            noConsent["consent"] = false
            var invalidID = customer.requestForm()
            invalidID["applicant"] = ["fullName": "Nguyễn Văn An", "idNumber": "999088012345", "phone": customer.phone]
            var outsideArea = customer.requestForm()
            outsideArea["site"] = ["province": "Hà Nội", "communeCode": "00001", "street": "1 Tràng Tiền"]

            let refusals: [(String, HTTPAnswer, Int, String)] = [
                ("missing consent", try await platform.http.call(.POST, requests, json: noConsent), 422, "consent"),
                ("invalid ID", try await platform.http.call(.POST, requests, json: invalidID), 422, "applicant.idNumber"),
                ("commune outside the area", try await platform.http.call(.POST, requests, json: outsideArea), 422, "site.communeCode"),
                ("malformed JSON", try await platform.http.call(.POST, requests, body: Data(#"{"kind": "new_lv_connection", "#.utf8)), 400, ""),
                ("oversized body", try await platform.http.call(.POST, requests, body: Data(repeating: 0x20, count: 200_000)), 413, ""),
            ]
            for (label, answer, status, field) in refusals {
                #expect(answer.status == status, "\(label): \(answer)")
                let error = try #require((try answer.json()["errors"] as? [[String: Any]])?.first, "\(label): \(answer)")
                if !field.isEmpty { #expect(try answer.errorFields().contains(field), "\(label): \(answer)") }
                let message = error["message"] as? [String: String]
                #expect(message?["vi"]?.isEmpty == false && message?["en"]?.isEmpty == false, "\(label): \(answer)")
            }

            // Nothing reached crm, and intake's own store holds no request.
            try await platform.awaitSettled()
            let corporation = try await platform.staff.token(.customerService, unit: StaffClaims.corporationUnit)
            let tickets = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: corporation).expect(200)
            #expect((tickets["tickets"] as? [Any])?.isEmpty == true)
            #expect(try await platform.broker.queueDepth("crm.inbox") == 0)
            #expect(try await platform.broker.queueDepth("crm.dead") == 0)
            #expect(platform.service("intake").isRunning && platform.service("crm").isRunning)
            let intakeStore = try DatabaseQueue(
                path: platform.folder.appendingPathComponent("data/intake.sqlite").path,
                configuration: { var readOnly = Configuration(); readOnly.readonly = true; return readOnly }())
            let stored = try await intakeStore.read { db in
                try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM intake_requests) + (SELECT COUNT(*) FROM messaging_outbox)")
            }
            #expect(stored == 0, "intake stored or queued something for a refused request")

            // The same service still files a good request right after.
            _ = try await Journey.file(customer, on: platform)
        }
    }
}
