import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// households' count changes become contract-amendment tickets in the branch's list, each with
/// its 3-working-day limit, and staff record the amendment on crm's contract.
@Suite struct ContractAmendmentTests {
    /// Thursday 11 Sep 2025: 3 working days later, over the weekend, is Tuesday 16 Sep.
    static let thursday = vietnamTime("2025-09-11 09:00")
    static let ticketPath = "api/v1/tickets/CRM-AM-PC05TK-000001"

    @Test func aCountChangeOpensOneAmendmentTicketInTheBranchsListEvenWhenDeliveredTwice() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-11 10:00")) { crm in
            let request = Samples.submitted("PC05TK-250908-000001", at: vietnamTime("2025-09-08 08:00"))
            let submitted = try await crm.publish(request, correlationId: request.requestCode)
            let change = Samples.countChanged("HC-000001", at: Self.thursday)
            try await crm.publish(change, messageId: "m-1", correlationId: "HS-PC05TK-000001")
            try await crm.publish(change, messageId: "m-2", correlationId: "HS-PC05TK-000001")
            try await crm.awaitHandled([submitted, "m-1", "m-2"])
            #expect(try await crm.count("crm_amendments") == 1)

            let list = try await crm.get("api/v1/tickets", token: crm.token(unit: "PC05TK"))
            let tickets = try #require(try list.json()["tickets"] as? [[String: Any]])
            #expect(tickets.map { $0["kind"] as? String } == ["new_connection", "contract_amendment"])
            #expect(tickets.map { $0["dueDate"] as? String } == ["2025-09-11", "2025-09-16"])
            let amendment = try #require(tickets.last)
            #expect(amendment["ticketId"] as? String == "CRM-AM-PC05TK-000001")
            #expect(amendment["branchCode"] as? String == "PC05TK")
            #expect(amendment["slaState"] as? String == "on_track")
            #expect(amendment["slaLimitWorkingDays"] as? Int == 3)
            #expect(amendment["customerCode"] as? String == "PC05TK0000001")
            #expect(amendment["requestCode"] == nil)
            #expect(tickets.first?["requestCode"] as? String == request.requestCode)
            #expect(tickets.first?["householdCount"] as? Int == 2)

            let detail = try await crm.get(Self.ticketPath, token: crm.token(unit: "PC05TK")).expect(200)
            #expect(detail["kind"] as? String == "contract_amendment")
            #expect(detail["status"] as? String == "open")
            #expect(detail["dueDate"] as? String == "2025-09-16")
            #expect(detail["reason"] as? String == "sub_household_registered")
            #expect(detail["effectiveOn"] as? String == "2025-09-11")
            #expect((detail["previousCount"] as? [String: Any])?["households"] as? String == "2")
            #expect((detail["newCount"] as? [String: Any])?["households"] as? String == "2¼")
            #expect((detail["newCount"] as? [String: Any])?["quarters"] as? Int == 9)
            let steps = try #require(detail["timeline"] as? [[String: Any]])
            #expect(steps.map { ($0["label"] as? [String: Any])?["en"] as? String }
                    == ["The number of households sharing the meter changed", "Ticket opened at the branch"])
            #expect(steps.map { $0["actor"] as? String } == ["households", "crm"])
            #expect(crm.logs.contains("amendment ticket opened", where: "ticket_id", is: "CRM-AM-PC05TK-000001"))
            #expect(crm.logs.contains("amendment ticket opened", where: "correlation_id", is: "HS-PC05TK-000001"))

            let other = try await crm.token(unit: "PC05HA")
            let elsewhere = try await crm.get("api/v1/tickets", token: other).expect(200)
            #expect((elsewhere["tickets"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await crm.get(Self.ticketPath, token: other).status == 403)
            #expect(try await crm.post("\(Self.ticketPath)/amendment", token: other).status == 403)
            let corporation = try await crm.get("api/v1/tickets", token: crm.token(unit: "CORP")).expect(200)
            #expect((corporation["tickets"] as? [[String: Any]])?.compactMap { $0["ticketId"] as? String }
                    .contains("CRM-AM-PC05TK-000001") == true)
            let filtered = try await crm.get("api/v1/tickets?requestCode=\(request.requestCode)",
                                             token: crm.token(unit: "PC05TK")).expect(200)
            #expect((filtered["tickets"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func recordingTheAmendmentUpdatesTheContractCRMHoldsAndClosesTheTicket() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = "PC05TK-250908-000001"
            let number = try await ContractFlowTests.signedContract(crm, code)

            // A tenant group leaves: two households become one and three quarters.
            let change = Samples.countChanged("HC-000002", at: Self.thursday, contractNumber: number,
                                              previousQuarters: 8, newQuarters: 7)
            try await crm.publish(change, correlationId: "HS-PC05TK-000001")
            try await eventually("the amendment is open") { try await crm.count("crm_amendments") == 1 }
            var token = try await crm.token(unit: "PC05TK", staffId: "tk-cs-021")
            let path = "\(Self.ticketPath)/amendment"

            let wrongType = try await crm.post(path, ["note": 5], token: token)
            #expect(wrongType.status == 400)
            #expect(try wrongType.errorFields() == ["note"])
            let tooLong = try await crm.post(path, ["note": String(repeating: "a", count: 2001)], token: token)
            #expect(tooLong.status == 422)
            #expect(try tooLong.errorFields() == ["note"])
            #expect(try await crm.post("api/v1/tickets/CRM-\(code)/amendment", token: token).status == 409)

            // Recorded on Monday 15 Sep: Friday and Monday are 2 working days, within the 3.
            crm.clock.set(vietnamTime("2025-09-15 14:00"))
            token = try await crm.token(unit: "PC05TK", staffId: "tk-cs-021")
            let amended = try await crm.post(path, ["note": "Đã ký phụ lục hợp đồng"], token: token).expect(200)
            #expect(amended["status"] as? String == "closed")
            #expect(amended["slaState"] as? String == "met")
            let closure = try #require(amended["closure"] as? [String: Any])
            #expect(closure["resolution"] as? String == "contract_amended")
            #expect(closure["workingDaysTaken"] as? Int == 2)
            #expect(closure["slaOutcome"] as? String == "met")
            #expect(closure["contractUpdated"] as? Bool == true)
            #expect(closure["staffId"] as? String == "tk-cs-021")
            let contract = try #require(amended["contract"] as? [String: Any])
            #expect(contract["contractNumber"] as? String == number)
            #expect((contract["households"] as? [String: Any])?["households"] as? String == "1¾")
            #expect(contract["householdCount"] as? Int == 1)
            #expect((amended["timeline"] as? [[String: Any]])?.count == 4)
            let stored = try await crm.host.context.store.database.read { db in
                try Int.fetchOne(db, sql: "SELECT household_quarters FROM crm_contracts WHERE contract_number = ?",
                                 arguments: [number])
            }
            #expect(stored == 7)
            #expect(crm.logs.contains("amendment ticket closed", where: "customer_code", is: "PC05TK0000001"))

            let again = try await crm.post(path, token: token)
            #expect(again.status == 409)
            #expect(try again.errorCodes() == ["ticket.closed"])
            let list = try await crm.get("api/v1/tickets", token: token).expect(200)
            let line = (list["tickets"] as? [[String: Any]])?.first { $0["kind"] as? String == "contract_amendment" }
            #expect(line?["slaState"] as? String == "met")
        }
    }

    @Test func anAmendmentOfAContractCRMDoesNotHoldClosesWithoutChangingAnyContract() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-17 10:00")) { crm in
            let change = Samples.countChanged("HC-000003", at: Self.thursday, customerCode: "PC05TK0099999",
                                              contractNumber: "HĐ-PC05TK-2019-000042")
            try await crm.publish(change, correlationId: "HS-PC05TK-000001")
            try await eventually("the amendment is open") { try await crm.count("crm_amendments") == 1 }
            let token = try await crm.token(unit: "PC05TK")
            #expect(try await crm.get(Self.ticketPath, token: token).json()["slaState"] as? String == "breached")

            let amended = try await crm.post("\(Self.ticketPath)/amendment", token: token).expect(200)
            let closure = try #require(amended["closure"] as? [String: Any])
            #expect(closure["contractUpdated"] as? Bool == false)
            #expect(closure["workingDaysTaken"] as? Int == 4)
            #expect(closure["slaOutcome"] as? String == "breached")
            #expect(amended["contract"] == nil)
        }
    }
}
