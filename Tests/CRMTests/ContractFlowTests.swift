import Contracts
import Foundation
import TestSupport
import Testing

/// Steps 3–7: survey, installation, screening, contract, signature and closure, and the
/// timeline that tells them to the customer.
@Suite struct ContractFlowTests {
    static let monday = vietnamTime("2025-09-08 08:00")

    /// Opens the ticket of a request filed on Monday 8 Sep 2025 (urban: due Thursday 11 Sep).
    static func openTicket(_ crm: CRMHarness, _ code: String, householdCount: Int = 2) async throws -> String {
        let opened = try await crm.count("crm_tickets")
        let request = Samples.submitted(code, at: monday, householdCount: householdCount)
        try await crm.publish(request, correlationId: code)
        // One more ticket than before, not "any ticket": a test that opens a second one must not
        // act on it while its request is still on the way to crm.
        try await eventually("the ticket of \(code) is open") { try await crm.count("crm_tickets") > opened }
        return "api/v1/tickets/CRM-\(code)"
    }

    /// The contract of `code`'s connection for two households: screened clear on 8 September 2025,
    /// the meter installed on the 9th, signed on the 10th at 16:00; its contract number.
    static func signedContract(_ crm: CRMHarness, _ code: String) async throws -> String {
        _ = try await openTicket(crm, code)
        try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
        try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-09 09:30")), correlationId: code)
        let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"] as? String)
        try await crm.publish(Samples.signed(code, contractNumber: number, at: vietnamTime("2025-09-10 16:00")),
                              correlationId: code)
        try await crm.awaitSent(TicketClosed.routingKey)
        return number
    }

    @Test func anInfeasibleSurveyRefusesTheRequestAndClosesTheTicket() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-09 14:00")) { crm in
            let path = try await Self.openTicket(crm, "PC05TK-250908-000001")
            let token = try await crm.token(unit: "PC05TK")

            let survey = try await crm.post("\(path)/survey", ["outcome": "infeasible", "phase": 1,
                                                               "reason": "Khu vực chưa có lưới điện hạ áp"],
                                            token: token)
            #expect(survey.status == 200)
            let refused = try #require(try await crm.awaitSent(RequestRefused.routingKey).first)
            #expect(refused["ground"] as? String == "site_infeasible")
            #expect(refused["reason"] as? String == "Khu vực chưa có lưới điện hạ áp")
            let closed = try #require(try await crm.awaitSent(TicketClosed.routingKey).first)
            #expect(closed["resolution"] as? String == "refused")
            #expect(closed["workingDaysTaken"] as? Int == 1)
            #expect(closed["slaOutcome"] as? String == "met")

            let ticket = try await crm.ticket("PC05TK-250908-000001")
            #expect(ticket["status"] as? String == "closed")
            #expect(ticket["slaState"] as? String == "met")
            #expect((ticket["closure"] as? [String: Any])?["resolution"] as? String == "refused")
            #expect(try await crm.post("\(path)/installation", token: token).status == 409)
            #expect(try await crm.post("\(path)/contact", token: token).status == 409)
        }
    }

    @Test func aScreeningConflictBlocksTheContractUntilStaffClearIt() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000001"
            let path = try await Self.openTicket(crm, code)
            let token = try await crm.token(unit: "PC05TK")
            try await crm.publish(Samples.conflict(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await eventually("screening is recorded") { try await crm.ticket(code)["screening"] != nil }
            #expect(try await crm.post("\(path)/survey", ["outcome": "feasible", "phase": 3], token: token).status == 200)
            #expect(try await crm.post("\(path)/installation", token: token).status == 200)
            #expect(try await crm.post("\(path)/installation", token: token).status == 409)
            let install = try await crm.awaitSent(InstallMeter.routingKey)
            #expect(install.count == 1)
            #expect(install.first?["phase"] as? Int == 3)
            #expect(install.first?["branchCode"] as? String == "PC05TK")

            try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-08 09:30")), correlationId: code)
            try await eventually("the meter is recorded") { try await crm.ticket(code)["meterSerial"] != nil }
            #expect(try await crm.ticket(code)["contract"] == nil)
            #expect(try await crm.sent(ContractDrafted.routingKey).isEmpty)
            let conflicts = (try await crm.ticket(code)["screening"] as? [String: Any])?["conflicts"] as? [[String: Any]]
            #expect(conflicts?.first?["unit"] as? String == "PC05HA")

            let resolution = try await crm.post("\(path)/screening-resolution",
                                                ["decision": "cleared", "note": "Hồ sơ cũ đã chấm dứt"], token: token)
            #expect(resolution.status == 200)
            let drafted = try await crm.awaitSent(ContractDrafted.routingKey)
            #expect(drafted.count == 1)
            #expect((try resolution.json()["contract"] as? [String: Any])?["status"] as? String == "drafted")
        }
    }

    @Test func anInstalledMeterWithClearScreeningDraftsExactlyOneContract() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000001"
            _ = try await Self.openTicket(crm, code)
            let deliveries = [
                try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-08 09:30")), correlationId: code),
                try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-08 09:30")), correlationId: code),
                try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 09:40")), correlationId: code),
                try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 09:40")), correlationId: code),
            ]

            try await crm.awaitHandled(deliveries)
            let drafted = try await crm.sent(ContractDrafted.routingKey)
            #expect(try await crm.sent(ContractDrafted.routingKey).count == 1)
            #expect(try await crm.count("crm_contracts") == 1)
            let contract = try #require(drafted.first)
            #expect(contract["contractNumber"] as? String == "HĐ-PC05TK-2025-000001")
            #expect(contract["holderName"] as? String == "Nguyễn Văn An")
            #expect(contract["meterSerial"] as? String == "VN1P-250001")
            #expect(contract["tariffGroup"] as? String == "residential-tiered")
            #expect(contract["householdCount"] as? Int == 2)
            #expect(contract["purpose"] as? String == "residential")
            #expect((contract["branch"] as? [String: Any])?["code"] as? String == "PC05TK")
            let detail = try #require(try await crm.ticket(code)["contract"] as? [String: Any])
            #expect(detail["customerCode"] as? String == "PC05TK0000001")
        }
    }

    @Test func theSignatureClosesTheTicketWithItsSLAOutcomeAndRegistersTheSharedMeter() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000001"
            _ = try await Self.openTicket(crm, code)
            try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-09 09:30")), correlationId: code)
            let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"]
                                      as? String)
            // Signed on Friday 12 Sep: 4 working days after Monday, one over the urban limit.
            try await crm.publish(Samples.signed(code, contractNumber: number, at: vietnamTime("2025-09-12 16:00")),
                                  correlationId: code)

            let signed = try #require(try await crm.awaitSent(ContractSigned.routingKey).first)
            #expect(signed["customerCode"] as? String == "PC05TK0000001")
            #expect(signed["communeCode"] as? String == "20350", "outage places the supply point by it")
            #expect(signed["holderPhone"] as? String == "+84912345678", "outage texts planned outages to it")
            let register = try #require(try await crm.awaitSent(RegisterMainHousehold.routingKey).first)
            #expect((register["holder"] as? [String: Any])?["idNumber"] as? String == "049088012345")
            #expect(register["holderPhone"] as? String == "+84912345678")
            #expect((register["subHouseholds"] as? [[String: Any]])?.map { $0["idNumber"] as? String }
                    == ["049195004321"])
            #expect(register["householdCount"] as? Int == 2)
            let closed = try #require(try await crm.awaitSent(TicketClosed.routingKey).first)
            #expect(closed["resolution"] as? String == "contract_signed")
            #expect(closed["slaLimitWorkingDays"] as? Int == 3)
            #expect(closed["workingDaysTaken"] as? Int == 4)
            #expect(closed["slaOutcome"] as? String == "breached")

            let ticket = try await crm.ticket(code)
            #expect(ticket["status"] as? String == "closed")
            #expect(ticket["slaState"] as? String == "breached")
            #expect((ticket["contract"] as? [String: Any])?["status"] as? String == "signed")
        }
    }

    @Test func aSingleHouseholdContractIsNotRegisteredAsAMainHousehold() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000001"
            _ = try await Self.openTicket(crm, code, householdCount: 1)
            try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-08 09:30")), correlationId: code)
            let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"]
                                      as? String)
            try await crm.publish(Samples.signed(code, contractNumber: number, at: vietnamTime("2025-09-10 11:00")),
                                  correlationId: code)
            let closed = try #require(try await crm.awaitSent(TicketClosed.routingKey).first)
            #expect(closed["slaOutcome"] as? String == "met")
            #expect(try await crm.sent(RegisterMainHousehold.routingKey).isEmpty)
        }
    }

    @Test func theTimelineQueryAnswersEveryStepInOrderAndNullForAnUnknownCode() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 08:01")) { crm in
            let code = "PC05TK-250908-000001"
            let path = try await Self.openTicket(crm, code)
            try await crm.publish(Samples.notified(code, .requestReceived, at: vietnamTime("2025-09-08 08:02")),
                                  correlationId: code)
            try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:03")), correlationId: code)
            try await eventually("screening is recorded") { try await crm.ticket(code)["screening"] != nil }
            crm.clock.set(vietnamTime("2025-09-08 09:00"))
            #expect(try await crm.post("\(path)/contact", token: crm.token(unit: "PC05TK")).status == 200)
            crm.clock.set(vietnamTime("2025-09-08 10:00"))
            #expect(try await crm.post("\(path)/survey", ["outcome": "feasible", "phase": 1],
                                       token: crm.token(unit: "PC05TK")).status == 200)
            crm.clock.set(vietnamTime("2025-09-08 10:05"))
            #expect(try await crm.post("\(path)/installation", token: crm.token(unit: "PC05TK")).status == 200)
            try await crm.publish(Samples.workOrder(code, at: vietnamTime("2025-09-08 10:10")), correlationId: code)
            crm.clock.set(vietnamTime("2025-09-09 09:00"))
            try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-09 08:30")), correlationId: code)
            let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"]
                                      as? String)
            try await crm.publish(Samples.signed(code, contractNumber: number, at: vietnamTime("2025-09-09 15:00")),
                                  correlationId: code)
            try await crm.awaitSent(TicketClosed.routingKey)
            try await crm.publish(Samples.notified(code, .contractSigned, at: vietnamTime("2025-09-09 15:01"),
                                                   emailAt: vietnamTime("2025-09-09 15:02")),
                                  correlationId: code)
            try await eventually("every step is on the timeline") { try await crm.timeline(of: code)?.steps.count == 15 }

            let timeline = try #require(try await crm.timeline(of: code))
            #expect(timeline.branch.code == "PC05TK")
            #expect(timeline.dueDate.description == "2025-09-11")
            #expect(timeline.steps.map(\.label.en) == [
                "Request received on the online portal", "Ticket opened at the branch", "Notice sent by SMS: request received",
                "Household screening: clear", "Staff contacted the customer", "Site surveyed",
                "Meter installation requested", "Installation work order opened", "Meter installed and sealed",
                "Electricity contract drafted", "Customer signed the contract",
                "Contract in force", "Ticket closed", "Notice sent by SMS: contract signed",
                "Notice sent by e-mail: contract signed",
            ])
            #expect(timeline.steps.map(\.actor) == [
                .intake, .crm, .notification, .households, .crm, .crm, .crm, .metering, .metering, .crm, .intake,
                .crm, .crm, .notification, .notification,
            ])
            #expect(timeline.steps.allSatisfy { !$0.label.vi.isEmpty })
            #expect(timeline.steps.map(\.at) == timeline.steps.map(\.at).sorted())

            let detail = try await crm.ticket(code)
            #expect((detail["timeline"] as? [[String: Any]])?.count == 15)
            #expect(try await crm.timeline(of: "PC05TK-250908-999999") == nil)
        }
    }
}
