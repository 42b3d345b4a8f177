@testable import CRM
import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// Every change crm makes to a contract it holds appends a version with the day it holds from
/// and the request (or amendment ticket) that made it, and the API's contract detail and the
/// ticket page show that history in words.
@Suite struct ContractVersionTests {
    static let connection = "PC05TK-250908-000001"
    static let purposeChange = "PC05TK-250916-000002"
    static let termination = "PC05TK-250917-000003"
    static let amendment = "CRM-AM-PC05TK-000001"

    @Test func signingAnAmendmentAChangeOfPurposeAndATerminationEachAppendAVersion() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = Self.connection
            _ = try await ContractFlowTests.openTicket(crm, code)
            try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-09 09:30")), correlationId: code)
            let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"]
                                      as? String)
            let draft = try #require(try await crm.ticket(code)["contract"] as? [String: Any])
            #expect(draft["version"] == nil, "a draft is no version yet")
            #expect((draft["history"] as? [Any])?.isEmpty == true)
            try await crm.publish(Samples.signed(code, contractNumber: number, at: vietnamTime("2025-09-10 16:00")),
                                  correlationId: code)
            try await crm.awaitSent(TicketClosed.routingKey)

            // Thursday: a tenant group leaves (2 → 1¾ from 11 Sep); staff record it on Monday.
            crm.clock.set(vietnamTime("2025-09-11 10:00"))
            try await crm.publish(Samples.countChanged("HC-000002", at: vietnamTime("2025-09-11 09:00"),
                                                       contractNumber: number, previousQuarters: 8, newQuarters: 7),
                                  correlationId: "HS-PC05TK-000001")
            try await eventually("the amendment is open") { try await crm.count("crm_amendments") == 1 }
            crm.clock.set(vietnamTime("2025-09-15 14:00"))
            _ = try await crm.post("api/v1/tickets/\(Self.amendment)/amendment", ["note": "Đã ký phụ lục"],
                                   token: crm.token(unit: "PC05TK")).expect(200)

            // Tuesday: the holder turns the shop front into a business, approved the same day.
            crm.clock.set(vietnamTime("2025-09-16 09:00"))
            try await Self.file(Self.purposeChange, .changeOfPurpose, purpose: .business, at: vietnamTime("2025-09-16 08:30"), on: crm)
            try await eventually("the change of purpose is open") { try await crm.count("crm_service_tickets") == 1 }
            var head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let changed = try await crm.post("api/v1/tickets/CRM-\(Self.purposeChange)/decision", ["decision": "approve"],
                                             token: head).expect(200)
            let changedContract = try #require(changed["contract"] as? [String: Any])
            #expect(changedContract["version"] as? Int == 3)
            #expect(changedContract["tariffGroup"] as? String == "business")

            // Wednesday: the holder moves away; metering takes the final reading on Thursday.
            crm.clock.set(vietnamTime("2025-09-17 09:00"))
            try await Self.file(Self.termination, .contractTermination, at: vietnamTime("2025-09-17 08:30"), on: crm)
            try await eventually("the termination is open") { try await crm.count("crm_service_tickets") == 2 }
            head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            _ = try await crm.post("api/v1/tickets/CRM-\(Self.termination)/decision", ["decision": "approve"],
                                   token: head).expect(200)
            crm.clock.set(vietnamTime("2025-09-18 10:30"))
            try await crm.publish(MeterVisited(visitId: "MV-000001", requestCode: Self.termination, purpose: .finalReading,
                                               meterSerial: "VN1P-250001", readingKWh: 1234, check: nil, findings: nil,
                                               visitedAt: vietnamTime("2025-09-18 10:00")),
                                  correlationId: Self.termination)
            try await eventually("the termination is closed") {
                try await crm.ticket(Self.termination)["closure"] != nil
            }

            let contract = try #require(try await crm.ticket(code)["contract"] as? [String: Any])
            #expect(contract["version"] as? Int == 4)
            #expect(contract["status"] as? String == "ended")
            let history = try #require(contract["history"] as? [[String: Any]])
            #expect(history.map { $0["version"] as? Int } == [1, 2, 3, 4])
            #expect(history.map { $0["change"] as? String }
                    == ["signed", "households_changed", "purpose_changed", "ended"])
            #expect(history.map { $0["effectiveOn"] as? String }
                    == ["2025-09-10", "2025-09-11", "2025-09-16", "2025-09-18"])
            #expect(history.map { $0["cause"] as? String }
                    == [code, Self.amendment, Self.purposeChange, Self.termination])
            #expect(history.map { $0["tariffGroup"] as? String }
                    == ["residential-tiered", "residential-tiered", "business", "business"])
            #expect(history.map { ($0["households"] as? [String: Any])?["households"] as? String }
                    == ["2", "1¾", "1¾", "1¾"])
            #expect(history.map { $0["status"] as? String } == ["signed", "signed", "signed", "ended"])
            try await eventually("outage is told the contract ended") { try await !crm.sent(ContractEnded.self).isEmpty }
            let ended = try await crm.sent(ContractEnded.self)
            #expect(ended.map(\.contractNumber) == [number], "outage hears the contract ended, once")
            #expect(ended.first?.customerCode == "PC05TK0000001")
            #expect(ended.first?.requestCode == Self.termination)
            #expect(ended.first?.effectiveOn.description == "2025-09-18")
            #expect(ended.first?.endedAt == vietnamTime("2025-09-18 10:00"), "the final reading's time")

            let cookie = ["Cookie": "staff_token=\(try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01"))"]
            let page = try await crm.call("GET", "phieu/CRM-\(code)", headers: cookie)
            #expect(page.status == 200)
            let html = String(decoding: page.body, as: UTF8.self)
            for words in ["Lịch sử hợp đồng", "phiên bản 4", "Ký hợp đồng", "Thay đổi số hộ dùng chung",
                          "Thay đổi mục đích sử dụng điện", "Chấm dứt hợp đồng", "Sinh hoạt (bậc thang)", "Kinh doanh",
                          "2025-09-18", "1¾", Self.amendment, Self.termination] {
                #expect(html.contains(words), "the page shows \(words)")
            }
            for raw in ["households_changed", "purpose_changed", "residential-tiered"] {
                #expect(!html.contains(">\(raw)<"), "the page shows no \(raw)")
            }
            let rows = html.matches(of: /<tr data-version="(\d)">/).map { String($0.output.1) }
            #expect(rows == ["1", "2", "3", "4"])
            let english = String(decoding: try await crm.call("GET", "phieu/CRM-\(code)?lang=en", headers: cookie).body,
                                 as: UTF8.self)
            for words in ["Contract history", "version 4", "Households sharing the meter changed",
                          "Purpose of use changed", "Contract terminated", "Business"] {
                #expect(english.contains(words), "the English page shows \(words)")
            }
        }
    }

    /// More households on the meter, asked for by the holder: once households counts them, the
    /// contract's next version holds the new count from the change's day, caused by the request.
    @Test func aHouseholdCountChangeRequestAppendsAVersionOnceHouseholdsCount() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let code = Self.connection
            _ = try await ContractFlowTests.openTicket(crm, code, householdCount: 1)
            try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
            try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-09 09:30")), correlationId: code)
            let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"]
                                      as? String)
            try await crm.publish(Samples.signed(code, contractNumber: number, at: vietnamTime("2025-09-10 16:00")),
                                  correlationId: code)
            try await crm.awaitSent(TicketClosed.routingKey)

            crm.clock.set(vietnamTime("2025-09-11 09:00"))
            let request = "PC05TK-250911-000004"
            try await crm.publish(ServiceRequestSubmitted(
                requestCode: request, requestKind: .householdCountChange, channel: .web, customerCode: "PC05TK0000001",
                branch: Samples.branch,
                requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
                details: ServiceRequestDetails(newHouseholds: [Person(fullName: "Trần Thị Bích", idNumber: "049195004321")]),
                consentGivenAt: vietnamTime("2025-09-11 08:30"), submittedAt: vietnamTime("2025-09-11 08:30")),
                correlationId: request)
            try await eventually("the request is open") { try await crm.count("crm_service_tickets") == 1 }
            try await crm.publish(Samples.clear(request, at: vietnamTime("2025-09-11 08:40"), kind: .householdCountChange),
                                  correlationId: request)
            try await eventually("the screening is recorded") { try await crm.ticket(request)["screening"] != nil }
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            _ = try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"], token: head)
                .expect(200)
            var counted = Samples.countChanged("HC-000009", at: vietnamTime("2025-09-11 10:00"), contractNumber: number,
                                               previousQuarters: 4, newQuarters: 8)
            counted.requestCode = request
            try await crm.publish(counted, correlationId: request)
            try await eventually("the request is closed") { try await crm.ticket(request)["closure"] != nil }

            let contract = try #require(try await crm.ticket(code)["contract"] as? [String: Any])
            #expect(contract["version"] as? Int == 2)
            let history = try #require(contract["history"] as? [[String: Any]])
            #expect(history.map { $0["change"] as? String } == ["signed", "households_changed"])
            #expect(history.map { $0["effectiveOn"] as? String } == ["2025-09-10", "2025-09-11"])
            #expect(history.map { $0["cause"] as? String } == [code, request])
            #expect(history.map { ($0["households"] as? [String: Any])?["households"] as? String } == ["1", "2"])
        }
    }

    /// Contracts signed before versions were kept start their history with their present
    /// terms: version 1 on the signing day in Vietnam, and version 2 on the day an ended one ended.
    @Test func contractsOfAnEarlierVersionStartTheirHistoryWhenMigrated() throws {
        let personalData = TemporaryStore.protector(4)
        let migrator = CRMService.migrator(personalData: personalData)
        let pool = try TemporaryStore.earlierVersion(of: migrator, upTo: "crm.inquiry-messages.every-kind")
        try pool.write { db in
            for (index, status) in ["signed", "ended"].enumerated() {
                let code = "PC05TK-251124-00000\(index + 1)"
                try db.execute(sql: """
                    INSERT INTO crm_tickets (ticket_id, request_code, branch_code, branch_name, branch_hotline, province,
                        commune_code, street_sealed, area_class, purpose, household_count, parties, received_on, opened_at,
                        status, sla_limit, due_date)
                    VALUES (?, ?, 'PC05TK', 'Điện lực Tam Kỳ', '0235 3851 234', 'Quảng Nam', '20350', ?, 'urban',
                        'residential', 1, ?, '2025-11-24', 0, 'closed', 3, '2025-11-27')
                    """, arguments: ["T-\(index)", code, personalData.seal("12 Phan Chu Trinh"),
                                     personalData.seal("{}")])
                // Signed at 00:30 on 25 Nov in Vietnam (17:30 UTC the day before); one ended on 1 Dec.
                try db.execute(sql: """
                    INSERT INTO crm_contracts (contract_number, request_code, customer_code, meter_serial, tariff_group,
                        household_count, household_quarters, status, drafted_at, signed_at, ended_at)
                    VALUES (?, ?, ?, 'VN1P-250001', 'residential-tiered', 2, 9, ?, 0, ?, ?)
                    """, arguments: ["HĐ-PC05TK-2025-00000\(index + 1)", code, "PC05TK000000\(index + 1)", status,
                                     vietnamTime("2025-11-25 00:30").timeIntervalSince1970,
                                     status == "ended" ? vietnamTime("2025-12-01 10:00").timeIntervalSince1970 : nil])
            }
        }

        try migrator.migrate(pool)

        let (signed, ended) = try pool.read { db in
            (try ContractVersionStore.history(contractNumber: "HĐ-PC05TK-2025-000001", in: db),
             try ContractVersionStore.history(contractNumber: "HĐ-PC05TK-2025-000002", in: db))
        }
        #expect(signed.map(\.change) == [.signed])
        #expect(signed.map(\.cause.effectiveOn.description) == ["2025-11-25"])
        #expect(signed.first?.households == HouseholdQuarters(quarters: 9))
        #expect(ended.map(\.change) == [.signed, .ended])
        #expect(ended.map(\.status) == [.signed, .ended])
        #expect(ended.map(\.cause.effectiveOn.description) == ["2025-11-25", "2025-12-01"])
        let versions = try pool.read { db in
            try Int.fetchAll(db, sql: "SELECT version FROM crm_contracts ORDER BY contract_number")
        }
        #expect(versions == [1, 2])
    }

    /// Files `requestCode`, a service request about the contract's customer code, as intake does.
    static func file(_ requestCode: String, _ kind: RequestKind, purpose: PurposeOfUse? = nil, at date: Date,
                     on crm: CRMHarness) async throws {
        try await crm.publish(ServiceRequestSubmitted(
            requestCode: requestCode, requestKind: kind, channel: .phone, operatorId: "cc-0042",
            customerCode: "PC05TK0000001", branch: Samples.branch,
            requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
            details: ServiceRequestDetails(purpose: purpose), consentGivenAt: date, submittedAt: date),
            correlationId: requestCode)
    }
}
