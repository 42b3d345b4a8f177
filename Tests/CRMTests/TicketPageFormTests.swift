import Contracts
import Foundation
import TestSupport
import Testing

/// The forms of the branch console's ticket page, refused: the error summary's every link
/// leads to an element of the page (the field to mend, or what refused the step), and the
/// ticket's codes read apart.
@Suite struct TicketPageFormTests {
    private func post(_ crm: CRMHarness, _ code: String, _ step: String, _ form: String, token: String) async throws
        -> HTTPAnswer {
        try await crm.call("POST", "phieu/CRM-\(code)/\(step)", body: Data(form.utf8),
                           headers: ["Cookie": "staff_token=\(token)", "Content-Type": "application/x-www-form-urlencoded"])
    }

    /// The fragments the error summary of `html` links to, after checking that each leads to an
    /// element of the page.
    private func summaryLinks(_ html: String) throws -> [String] {
        let summary = try #require(PageElement(id: "error-summary", in: html), "the refused form shows its summary").inner
        let fragments = summary.matches(of: /href="#([^"]*)"/).map { String($0.output.1) }
        #expect(!fragments.isEmpty, "the summary links its errors: \(summary)")
        for fragment in fragments {
            #expect(!fragment.isEmpty && html.contains("id=\"\(fragment)\""), "#\(fragment) leads to an element of the page")
        }
        return fragments
    }

    @Test func everyLinkOfARefusedConnectionFormsSummaryLeadsToItsField() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000011"
            _ = try await ContractFlowTests.openTicket(crm, code)
            try await crm.publish(Samples.conflict(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await eventually("the conflict is on the ticket") {
                (try await crm.ticket(code)["screening"] as? [String: Any])?["outcome"] as? String == "conflict"
            }
            let officer = try await crm.token(unit: "PC05TK")
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")

            // Each refused step: its form, who posts it, the answer and where the summary leads.
            let refusals: [(step: String, form: String, token: String, status: Int, links: [String])] = [
                ("contact", "note=" + String(repeating: "a", count: 2001), officer, 422, ["contact-note"]),
                ("survey", "outcome=infeasible&phase=1", officer, 422, ["survey-reason"]),
                ("screening-resolution", "decision=cleared", officer, 422, ["resolution-note"]),
                ("assignment", "officerId=", head, 422, ["officer-id"]),
                // The installation's form is not shown before a survey: the link leads to the status.
                ("installation", "", officer, 409, ["status"]),
            ]
            for refusal in refusals {
                let answer = try await post(crm, code, refusal.step, refusal.form, token: refusal.token)
                #expect(answer.status == refusal.status, "\(refusal.step)")
                #expect(try summaryLinks(answer.text) == refusal.links, "\(refusal.step)")
            }
        }
    }

    @Test func anInquirysPageShowsItsRequestCodeAndCustomerCodeApartAndLinksAnEmptyAnswer() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000111"
            try await crm.publish(InquiryTicketTests.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: "Nhờ kiểm tra",
                                                             messageId: "thu-9@khachhang.example.vn"), correlationId: code)
            let token = try await crm.token(unit: "PC05TK")
            try await eventually("the inquiry's ticket is open") {
                try await crm.get("api/v1/tickets/CRM-\(code)", token: token).json()["status"] as? String == "open"
            }
            let page = try await crm.call("GET", "phieu/CRM-\(code)", headers: ["Cookie": "staff_token=\(token)"])
            #expect(PageElement(id: "request-code", in: page.text)?.inner == code)
            #expect(PageElement(id: "customer-code", in: page.text)?.inner == "PC05TK0012345")

            let empty = try await post(crm, code, "answer", "text=", token: token)
            #expect(empty.status == 422)
            #expect(try summaryLinks(empty.text) == ["answer-text"])
        }
    }
}
