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

            let longNote = try await post(crm, code, "contact", "note=" + String(repeating: "a", count: 2001), token: officer)
            #expect(longNote.status == 422)
            #expect(try summaryLinks(longNote.text) == ["contact-note"])

            let noReason = try await post(crm, code, "survey", "outcome=infeasible&phase=1", token: officer)
            #expect(noReason.status == 422)
            #expect(try summaryLinks(noReason.text) == ["survey-reason"])

            let noNote = try await post(crm, code, "screening-resolution", "decision=cleared", token: officer)
            #expect(noNote.status == 422)
            #expect(try summaryLinks(noNote.text) == ["resolution-note"])

            let noOfficer = try await post(crm, code, "assignment", "officerId=", token: head)
            #expect(noOfficer.status == 422)
            #expect(try summaryLinks(noOfficer.text) == ["officer-id"])

            let beforeSurvey = try await post(crm, code, "installation", "", token: officer)
            #expect(beforeSurvey.status == 409)
            #expect(try summaryLinks(beforeSurvey.text) == ["status"], "the step's form is not shown: the link leads to the status")
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
