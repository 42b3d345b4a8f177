import Contracts
import Foundation
import TestSupport
import Testing

/// The branch console's ticket page, served by crm: what households and staff recorded on a
/// ticket reads in words in the page's language, and the survey form posts its code.
@Suite struct TicketPageTests {
    /// The ticket page `path` as signed-in branch staff see it.
    private func page(_ crm: CRMHarness, _ path: String, token: String) async throws -> String {
        let answer = try await crm.call("GET", path, headers: ["Cookie": "staff_token=\(token)"])
        #expect(answer.status == 200)
        let html = String(decoding: answer.body, as: UTF8.self)
        #expect(!html.contains("{{"), "no placeholder is left unreplaced")
        return html
    }

    @Test func aDuplicateAndASurveyReadInWordsInEitherLanguage() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000001"
            let api = try await ContractFlowTests.openTicket(crm, code)
            let token = try await crm.token(unit: "PC05TK")
            try await crm.publish(Samples.conflict(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await eventually("the conflict is on the ticket") {
                (try await crm.ticket(code)["screening"] as? [String: Any])?["outcome"] as? String == "conflict"
            }

            let posted = try await crm.call(
                "POST", "phieu/CRM-\(code)/survey", body: Data("outcome=needs_pole_or_cable&phase=1".utf8),
                headers: ["Cookie": "staff_token=\(token)", "Content-Type": "application/x-www-form-urlencoded"])
            #expect(posted.status == 200, "the form's 303 leads back to the ticket page")
            #expect((try await crm.get(api, token: token).json()["survey"] as? [String: Any])?["outcome"] as? String
                    == "needs_pole_or_cable")

            let vietnamese = try await page(crm, "phieu/CRM-\(code)", token: token)
            #expect(PageElement(id: "screening", in: vietnamese)?.inner == "Trùng hồ sơ đang hiệu lực")
            #expect(PageElement(id: "survey", in: vietnamese)?.inner == "Cần bổ sung cột hoặc cáp, 1 pha")
            #expect(PageElement(id: "status", in: vietnamese)?.inner == "Đang xử lý")
            let choices = try #require(PageElement(id: "resolution", in: vietnamese)).inner
            #expect(choices.contains(#"<option value="cleared">Đã giải trình: được tiếp tục</option>"#))
            #expect(choices.contains(#"<option value="refused">Trùng thật: từ chối yêu cầu</option>"#))

            let english = try await page(crm, "phieu/CRM-\(code)?lang=en", token: token)
            #expect(PageElement(id: "screening", in: english)?.inner == "Duplicate of an active dossier")
            #expect(PageElement(id: "survey", in: english)?.inner == "Needs a pole or cable, 1 phase")
            #expect(PageElement(id: "status", in: english)?.inner == "In progress")
        }
    }

    @Test func theTimelineSaysTheRequestCameByTheCallCentre() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000002"
            var request = Samples.submitted(code, at: vietnamTime("2025-09-08 08:00"))
            request.channel = .phone
            request.operatorId = "cc-0042"
            try await crm.publish(request, correlationId: code)
            try await eventually("the ticket is open") { try await crm.count("crm_tickets") >= 1 }
            let token = try await crm.token(unit: "PC05TK")

            let timeline = try #require(PageElement(id: "timeline", in: try await page(crm, "phieu/CRM-\(code)", token: token)))
            #expect(timeline.inner.contains("Đã tiếp nhận yêu cầu qua tổng đài"), "\(timeline.inner)")
            let english = try #require(PageElement(id: "timeline", in: try await page(crm, "phieu/CRM-\(code)?lang=en", token: token)))
            #expect(english.inner.contains("Request received by the call centre"), "\(english.inner)")
            #expect(try await crm.timeline(of: code)?.steps.first?.label.en == "Request received by the call centre")
        }
    }

    @Test func thePapersTheCustomerAttachedAreListedWithLinksToIntakesDownload() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000003"
            _ = try await ContractFlowTests.openTicket(crm, code)
            let token = try await crm.token(unit: "PC05TK")
            let added = AttachmentAdded(
                requestCode: code, branchCode: "PC05TK", attachmentId: "5b1e0c7a-2f3d-4e8b-9a6c-1d2e3f4a5b6c",
                kind: "household-book", contentType: "application/pdf", byteCount: 182_304, channel: .web,
                addedAt: vietnamTime("2025-09-08 09:30"))
            let first = try await crm.publish(added, correlationId: code)
            let again = try await crm.publish(added, messageId: first, correlationId: code)
            try await crm.awaitHandled([first, again])

            let vietnamese = try await page(crm, "phieu/CRM-\(code)", token: token)
            let list = try #require(PageElement(id: "attachments", in: vietnamese)).inner
            #expect(list.contains(#"<a href="http://localhost:8080/nhan-vien/tep-dinh-kem/5b1e0c7a-2f3d-4e8b-9a6c-1d2e3f4a5b6c" download>Sổ hộ khẩu</a>"#))
            #expect(list.contains("PDF, 178 KB"))
            #expect(list.contains("</time></li>"), "a file sent on the portal says no channel: \(list)")
            #expect(list.components(separatedBy: "<li").count == 2, "a redelivered event lists the file once")
            let english = try await page(crm, "phieu/CRM-\(code)?lang=en", token: token)
            #expect(PageElement(id: "attachments", in: english)?.inner.contains(">Household registration book</a>") == true)
            var mailed = added
            mailed.attachmentId = "9c2d4e6f-8a0b-4c1d-9e2f-3a4b5c6d7e8f"
            mailed.channel = .email
            try await crm.awaitHandled([try await crm.publish(mailed, correlationId: code)])
            let both = try #require(PageElement(id: "attachments", in: try await page(crm, "phieu/CRM-\(code)", token: token))).inner
            #expect(both.components(separatedBy: " · qua thư điện tử").count == 2, "the mailed file says how it came: \(both)")

            let otherBranch = try await crm.token(unit: "PC05HA")
            let refused = try await crm.call("GET", "phieu/CRM-\(code)", headers: ["Cookie": "staff_token=\(otherBranch)"])
            #expect(refused.status == 403)
            #expect(!refused.text.contains("5b1e0c7a"))
        }
    }
}
