@testable import CRM
import Contracts
import Foundation
import GRDB
import ServiceKit
import TestSupport
import Testing

/// An approved change of holder sends the contract crm holds to be signed by the new holder's
/// phone; the new holder's signature passes it on: a version `holder_changed` from the day of
/// the signature, caused by the request, that keeps the new holder sealed and shows them by
/// their ID number masked, on the API and the ticket page, and the ticket closes completed.
@Suite struct HolderChangeVersionTests {
    static let connection = "PC05TK-250908-000001"

    @Test func aChangeOfHolderSignedByTheNewHolderAddsAVersionWithTheNewHolder() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = Self.connection
            let number = try await ContractFlowTests.signedContract(crm, code)

            crm.clock.set(vietnamTime("2025-09-11 09:00"))
            let request = HolderChangeScreeningTests.request
            try await HolderChangeScreeningTests.file(crm)
            try await crm.publish(Samples.clear(request, at: vietnamTime("2025-09-11 09:05"), kind: .changeOfHolder),
                                  correlationId: request)
            try await eventually("it waits for a decision") {
                try await crm.ticket(request)["stage"] as? String == "review"
            }
            crm.clock.set(vietnamTime("2025-09-12 10:00"))
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let approved = try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"],
                                              token: head).expect(200)
            #expect(approved["closure"] == nil, "the approval waits for the new holder's signature")
            #expect(approved["stage"] as? String == "signing")
            let drafted = try #require(try await crm.awaitSent(ContractDrafted.routingKey, count: 2).last)
            #expect(drafted["requestCode"] as? String == request)
            #expect(drafted["contractNumber"] as? String == number, "the contract held, not a new one")
            #expect(drafted["holderName"] as? String == "Trần Văn Bình")
            #expect(drafted["holderIdMasked"] as? String == "049*******67", "the contract names the new holder's ID, masked")
            #expect(drafted["purpose"] as? String == "residential")
            #expect(drafted["signerPhone"] as? String == "+84987654321", "the code goes to the new holder's phone")
            #expect(drafted["meterSerial"] as? String == "VN1P-250001")
            let unsigned = try #require(try await crm.ticket(code)["contract"] as? [String: Any])
            #expect(unsigned["version"] as? Int == 1, "nothing passes before the new holder signs")
            let waiting = String(decoding: try await crm.call("GET", "phieu/CRM-\(request)",
                                                              headers: ["Cookie": "staff_token=\(head)"]).body, as: UTF8.self)
            #expect(waiting.contains("Chờ chủ hợp đồng mới ký"), "the console says whose signature the ticket waits for")

            crm.clock.set(vietnamTime("2025-09-13 08:40"))
            try await crm.publish(Samples.signed(request, contractNumber: number, at: vietnamTime("2025-09-13 08:30")),
                                  correlationId: request)
            try await eventually("the new holder's signature closes the ticket") {
                try await crm.ticket(request)["closure"] != nil
            }
            #expect((try await crm.ticket(request)["closure"] as? [String: Any])?["resolution"] as? String == "completed")

            let contract = try #require(try await crm.ticket(code)["contract"] as? [String: Any])
            #expect(contract["version"] as? Int == 2)
            let history = try #require(contract["history"] as? [[String: Any]])
            #expect(history.map { $0["change"] as? String } == ["signed", "holder_changed"])
            #expect(history.map { $0["effectiveOn"] as? String } == ["2025-09-10", "2025-09-13"],
                    "the contract passes on the day the new holder signs, not the day of the approval")
            #expect(history.map { $0["cause"] as? String } == [code, request])
            #expect(history.map { $0["holderIdNumber"] as? String } == [nil, "049*******67"])

            let newHolderId = HolderChangeScreeningTests.newHolder.idNumber
            let stored = try crm.host.context.store.database.read { db in
                try Row.fetchOne(db, sql: "SELECT holder_sealed, holder_id_masked FROM crm_contract_versions WHERE version = 2")
            }
            let sealed: Data = try #require(stored?["holder_sealed"])
            #expect(!String(decoding: sealed, as: UTF8.self).contains(newHolderId), "the new holder is sealed at rest")
            #expect(!String(decoding: sealed, as: UTF8.self).contains("Bình"))
            #expect(stored?["holder_id_masked"] == "049*******67")
            let reseal = try await StoreResealer(database: crm.host.context.store.database,
                                                 personalData: crm.host.context.personalData,
                                                 tables: CRMService.personalDataTables).run()
            #expect(reseal.unreadable.values.allSatisfy { $0 == 0 }, "every sealed holder opens: \(reseal.unreadable)")

            let officer = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let cookie = ["Cookie": "staff_token=\(officer)"]
            let html = String(decoding: try await crm.call("GET", "phieu/CRM-\(code)", headers: cookie).body, as: UTF8.self)
            #expect(html.contains("Thay đổi chủ thể hợp đồng (chủ mới, CCCD 049*******67)"))
            #expect(!html.contains(newHolderId))
            #expect(!html.contains(">holder_changed<"))
            let english = String(decoding: try await crm.call("GET", "phieu/CRM-\(code)?lang=en", headers: cookie).body,
                                 as: UTF8.self)
            #expect(english.contains("Contract holder changed (new holder, ID 049*******67)"))
        }
    }

    @Test func theNewHolderTakesTheContractOverForThePurposeItIsNowFor() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let number = try await ContractFlowTests.signedContract(crm, Self.connection)
            let first = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first)
            #expect(first["holderIdMasked"] as? String == "049*******45", "the applicant's ID, masked, names the buyer")
            crm.clock.set(vietnamTime("2025-09-10 09:00"))
            let purposeChange = ContractVersionTests.purposeChange
            try await ContractVersionTests.file(purposeChange, .changeOfPurpose, purpose: .business,
                                                at: vietnamTime("2025-09-10 08:30"), on: crm)
            try await eventually("the change of purpose is open") { try await crm.count("crm_service_tickets") == 1 }
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            _ = try await crm.post("api/v1/tickets/CRM-\(purposeChange)/decision", ["decision": "approve"], token: head)
                .expect(200)

            try await HolderChangeScreeningTests.fileClearAndApprove(crm)

            let drafted = try #require(try await crm.awaitSent(ContractDrafted.routingKey, count: 2).last)
            #expect(drafted["contractNumber"] as? String == number)
            #expect(drafted["purpose"] as? String == "business", "the purpose the change made, not the connection's")
            #expect(drafted["tariffGroup"] as? String == "business")
        }
    }
}
