import Contracts
import Foundation
import Testing

/// The branch staff's list and the limits of what each unit's staff may see and do.
@Suite struct StaffDeskTests {
    /// Files four requests whose tickets are, on 2025-09-09, past their service time, due that day
    /// and on track at Tam Kỳ, and on track at another branch; returns the Tam Kỳ three.
    static func fileRequestsOfEverySLAState(
        _ crm: CRMHarness
    ) async throws -> (breached: RequestSubmitted, dueToday: RequestSubmitted, onTrack: RequestSubmitted) {
        let breached = Samples.submitted("PC05TK-250829-000001", at: vietnamTime("2025-08-29 09:00"))
        let dueToday = Samples.submitted("PC05TK-250829-000002", at: vietnamTime("2025-08-29 09:10"), areaClass: .rural)
        let onTrack = Samples.submitted("PC05TK-250908-000001", at: vietnamTime("2025-09-08 08:00"))
        let elsewhere = Samples.submitted("PC05HA-250908-000001", at: vietnamTime("2025-09-08 08:00"),
                                          branch: Samples.otherBranch)
        for request in [onTrack, elsewhere, dueToday, breached] {
            try await crm.publish(request, correlationId: request.requestCode)
        }
        try await crm.awaitSent(TicketOpened.routingKey, count: 4)
        return (breached, dueToday, onTrack)
    }

    @Test func theListIsSortedByDueDateWithEachTicketsSLAState() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-09 10:00")) { crm in
            let (breached, dueToday, onTrack) = try await Self.fileRequestsOfEverySLAState(crm)

            let answer = try await crm.get("api/v1/tickets", token: crm.token(unit: "PC05TK"))
            #expect(answer.status == 200)
            let tickets = try #require(try answer.json()["tickets"] as? [[String: Any]])
            #expect(tickets.map { $0["requestCode"] as? String } == [breached, dueToday, onTrack].map(\.requestCode))
            #expect(tickets.map { $0["slaState"] as? String } == ["breached", "due_today", "on_track"])
            #expect(tickets.map { $0["dueDate"] as? String } == ["2025-09-05", "2025-09-09", "2025-09-11"])
            #expect(tickets.allSatisfy { $0["branchCode"] as? String == "PC05TK" && $0["status"] as? String == "open" })

            let one = try await crm.get("api/v1/tickets?requestCode=\(dueToday.requestCode)",
                                        token: crm.token(unit: "PC05TK"))
            #expect((try one.json()["tickets"] as? [[String: Any]])?.count == 1)
            let corporation = try await crm.get("api/v1/tickets", token: crm.token(unit: "CORP"))
            #expect((try corporation.json()["tickets"] as? [[String: Any]])?.count == 4)
        }
    }

    @Test func metricsCountTheOpenTicketsPastTheirServiceTimeAsTheDaysGoBy() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-09 10:00")) { crm in
            _ = try await Self.fileRequestsOfEverySLAState(crm)

            #expect(try await crm.get("metrics").metric("tickets_past_service_time") == 1)
            crm.clock.set(vietnamTime("2025-09-10 08:00"))
            #expect(try await crm.get("metrics").metric("tickets_past_service_time") == 2,
                    "the ticket due yesterday is now past its service time")
        }
    }

    @Test func anotherBranchsStaffCanNeitherSeeNorActOnATicketAndNoTokenIsRefused() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let request = Samples.submitted("PC05TK-250908-000001", at: vietnamTime("2025-09-08 08:00"))
            try await crm.publish(request, correlationId: request.requestCode)
            try await crm.awaitSent(TicketOpened.routingKey)
            let path = "api/v1/tickets/CRM-\(request.requestCode)"
            let other = try await crm.token(unit: "PC05HA")

            let list = try await crm.get("api/v1/tickets", token: other)
            #expect(list.status == 200)
            #expect((try list.json()["tickets"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await crm.get(path, token: other).status == 403)
            #expect(try await crm.post("\(path)/contact", token: other).status == 403)
            #expect(try await crm.post("\(path)/survey", ["outcome": "feasible", "phase": 1], token: other).status == 403)
            #expect(try await crm.post("\(path)/installation", token: other).status == 403)

            #expect(try await crm.get("api/v1/tickets", token: nil).status == 401)
            #expect(try await crm.get(path, token: nil).status == 401)
            #expect(try await crm.post("\(path)/contact", token: nil).status == 401)
            #expect(try await crm.get("api/v1/tickets/CRM-nothing", token: crm.token(unit: "CORP")).status == 404)
            #expect(try await crm.count("crm_contacts") == 0)

            let contact = try await crm.post("\(path)/contact", ["note": "Hẹn khảo sát sáng mai"],
                                             token: crm.token(unit: "PC05TK", staffId: "tk-cs-007"))
            #expect(contact.status == 200)
            let recorded = try await crm.awaitSent(ContactRecorded.routingKey)
            #expect(recorded.first?["staffId"] as? String == "tk-cs-007")
        }
    }

    @Test func malformedInputIsRefusedWithFieldErrorsInBothLanguages() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let request = Samples.submitted("PC05TK-250908-000001", at: vietnamTime("2025-09-08 08:00"))
            try await crm.publish(request, correlationId: request.requestCode)
            try await crm.awaitSent(TicketOpened.routingKey)
            let path = "api/v1/tickets/CRM-\(request.requestCode)"
            let token = try await crm.token(unit: "PC05TK")

            let invalid = try await crm.post("\(path)/survey", ["outcome": "maybe", "phase": 2], token: token)
            #expect(invalid.status == 422)
            #expect(try invalid.errorFields() == ["outcome", "phase"])
            let error = try #require((try invalid.json()["errors"] as? [[String: Any]])?.first)
            let message = try #require(error["message"] as? [String: Any])
            #expect(message["vi"] is String && message["en"] is String)

            let noReason = try await crm.post("\(path)/survey", ["outcome": "infeasible", "phase": 1], token: token)
            #expect(noReason.status == 422)
            #expect(try noReason.errorFields() == ["reason"])
            // The reason goes to the customer by SMS, which carries at most 150 characters of it.
            let tooLong = try await crm.post("\(path)/survey", ["outcome": "infeasible", "phase": 1,
                                                               "reason": String(repeating: "x", count: 151)], token: token)
            #expect(tooLong.status == 422)
            #expect(try tooLong.errorFields() == ["reason"])

            let wrongType = try await crm.post("\(path)/survey", ["outcome": "feasible", "phase": "one"], token: token)
            #expect(wrongType.status == 400)
            #expect(try wrongType.errorFields() == ["phase"])
            #expect(try await crm.post("\(path)/survey", raw: Data("{".utf8), token: token).status == 400)

            let noNote = try await crm.post("\(path)/screening-resolution", ["decision": "perhaps"], token: token)
            #expect(noNote.status == 422)
            #expect(try noNote.errorFields() == ["decision", "note"])

            let early = try await crm.post("\(path)/installation", token: token)
            #expect(early.status == 409)
            #expect(try early.errorFields() == [""])
            #expect(try await crm.post("\(path)/screening-resolution", ["decision": "cleared", "note": "ok"],
                                       token: token).status == 409)

            let ticket = try await crm.ticket(request.requestCode)
            #expect(ticket["survey"] == nil)
            #expect(try await crm.sent(SurveyRecorded.routingKey).isEmpty)
        }
    }
}
