@testable import CRM
import Contracts
import Foundation
import TestSupport
import Testing

/// Walks every crm page a branch's staff open, over tickets of every kind and in several
/// states, in both languages, and reads the words on them: no status, outcome, reason or
/// stage appears as its code (`clear`, `feasible`, `cleared`, `refused`, `due_today`…), and no
/// placeholder is left unreplaced.
@Suite struct RawCodeWalkTests {
    /// Every code crm's tickets carry that a page could show instead of its words.
    static let codes: Set<String> = Set(
        [TicketStatus.open, .closed].map(\.rawValue)
            + [SLAState.onTrack, .dueToday, .breached, .met].map(\.rawValue)
            + [ServiceStage.screening, .review, .fieldWork, .counting, .closed].map(\.rawValue)
            + [Contract.Status.drafted, .signed, .ended].map(\.rawValue)
            + ScreeningCompleted.Outcome.allCases.map(\.rawValue) + ScreeningDecision.allCases.map(\.rawValue)
            + SurveyRecorded.Outcome.allCases.map(\.rawValue) + TicketClosed.Resolution.allCases.map(\.rawValue)
            + TicketClosed.SLAOutcome.allCases.map(\.rawValue) + HouseholdCountChanged.Reason.allCases.map(\.rawValue)
            + RequestKind.allCases.map(\.rawValue))

    /// The words a reader sees on `html`: its text without tags, attributes and scripts.
    static func visibleWords(_ html: String) -> [String] {
        let text = html.replacing(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]*>/, with: " ")
        return text.split { !($0.isLetter && $0.isASCII) && $0 != "_" }.map(String.init)
    }

    /// The codes `html` shows as words: on a Vietnamese page any code, on an English page the
    /// codes no English sentence holds (those with an underscore: `due_today`, `needs_pole_or_cable`).
    static func rawCodes(in html: String, english: Bool) -> Set<String> {
        Set(visibleWords(html).filter { codes.contains($0) && (!english || $0.contains("_")) })
    }

    @Test func noPageShowsACodeInsteadOfItsWords() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let token = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            // A connection with a conflict cleared and a survey needing a pole, one refused on
            // an infeasible site, a service request, an amendment.
            let conflicted = "PC05TK-250908-000001"
            let conflictedPath = try await ContractFlowTests.openTicket(crm, conflicted)
            try await crm.publish(Samples.conflict(conflicted, at: vietnamTime("2025-09-08 08:05")), correlationId: conflicted)
            try await eventually("the conflict is on the ticket") {
                (try await crm.ticket(conflicted)["screening"] as? [String: Any])?["outcome"] as? String == "conflict"
            }
            _ = try await crm.post("\(conflictedPath)/screening-resolution",
                                   ["decision": "cleared", "note": "Hồ sơ cũ đã chấm dứt"], token: token).expect(200)
            _ = try await crm.post("\(conflictedPath)/survey", ["outcome": "needs_pole_or_cable", "phase": 1],
                                   token: token).expect(200)
            let refused = "PC05TK-250908-000002"
            let refusedPath = try await ContractFlowTests.openTicket(crm, refused)
            _ = try await crm.post("\(refusedPath)/survey", ["outcome": "infeasible", "phase": 1,
                                                             "reason": "Khu vực chưa có lưới điện hạ áp"], token: token).expect(200)
            let service = "PC05TK-250908-000003"
            try await crm.publish(ServiceRequestSubmitted(
                requestCode: service, requestKind: .changeOfPurpose, channel: .phone, operatorId: "cc-0042",
                customerCode: "PC05TK0000001", branch: Samples.branch,
                requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
                details: ServiceRequestDetails(purpose: .business),
                consentGivenAt: vietnamTime("2025-09-08 08:00"), submittedAt: vietnamTime("2025-09-08 08:00")),
                correlationId: service)
            try await crm.publish(Samples.countChanged("HC-000001", at: vietnamTime("2025-09-08 08:00")),
                                  correlationId: "HS-PC05TK-000001")
            try await eventually("every ticket is open") {
                let services = try await crm.count("crm_service_tickets")
                let amendments = try await crm.count("crm_amendments")
                return services == 1 && amendments == 1
            }
            _ = try await crm.post("api/v1/tickets/CRM-\(service)/decision", ["decision": "refuse", "reason": "Thiếu giấy tờ"],
                                   token: token).expect(200)

            let pages = ["phieu", "bang-tin", "phieu?cua-toi=1", "phieu/CRM-\(conflicted)", "phieu/CRM-\(refused)",
                         "phieu/CRM-\(service)", "phieu/CRM-AM-PC05TK-000001"]
            for page in pages {
                for english in [false, true] {
                    let path = english ? page + (page.contains("?") ? "&" : "?") + "lang=en" : page
                    let answer = try await crm.call("GET", path, headers: ["Cookie": "staff_token=\(token)"])
                    #expect(answer.status == 200, "\(path)")
                    let html = String(decoding: answer.body, as: UTF8.self)
                    #expect(!html.contains("{{"), "\(path) leaves no placeholder")
                    #expect(Self.rawCodes(in: html, english: english).isEmpty, "\(path) shows only words")
                }
            }
            // The walk reads what it should: a page that showed a code would be caught.
            #expect(Self.rawCodes(in: "<dd class=\"sla-due_today\">Hạn hôm nay · feasible</dd>", english: false)
                    == ["feasible"])
        }
    }
}
