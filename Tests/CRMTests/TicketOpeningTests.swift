@testable import CRM
import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// Step 2: a submitted request becomes one ticket with its SLA clock, and households are
/// asked to screen the applicant.
@Suite struct TicketOpeningTests {
    /// Friday 29 Aug 2025; 30 Aug – 2 Sep is the National Day break, so counting starts Wednesday 3 Sep.
    static let beforeNationalDay = vietnamTime("2025-08-29 09:30")

    @Test func aSubmittedRequestOpensOneTicketEvenWhenTheEventArrivesTwice() async throws {
        try await CRMHarness.run(at: Self.beforeNationalDay) { crm in
            let request = Samples.submitted("PC05TK-250829-000001", at: Self.beforeNationalDay)
            try await crm.publish(request, messageId: "m-1", correlationId: request.requestCode)
            try await crm.publish(request, messageId: "m-1", correlationId: request.requestCode)
            try await crm.publish(request, messageId: "m-2", correlationId: request.requestCode)

            try await crm.awaitHandled(["m-1", "m-1", "m-2"])
            let opened = try await crm.sent(TicketOpened.routingKey)
            let screening = try await crm.sent(ScreenIdentities.routingKey)
            #expect(try await crm.sent(TicketOpened.routingKey).count == 1)
            #expect(try await crm.sent(ScreenIdentities.routingKey).count == 1)
            #expect(try await crm.count("crm_tickets") == 1)

            let ticket = try #require(opened.first)
            #expect(ticket["ticketId"] as? String == "CRM-PC05TK-250829-000001")
            #expect(ticket["requestKind"] as? String == "new_lv_connection", "the notice names what was asked for")
            #expect(ticket["slaLimitWorkingDays"] as? Int == 3)
            #expect(ticket["dueDate"] as? String == "2025-09-05")
            #expect((ticket["branch"] as? [String: Any])?["code"] as? String == "PC05TK")
            let contact = try #require(ticket["contact"] as? [String: Any])
            #expect(contact["phone"] as? String == "+84912345678")
            #expect(contact["email"] as? String == "an.nguyen@example.vn")
            #expect(screening.first?["idNumbers"] as? [String] == ["049088012345", "049195004321"])

            let stored = try await crm.host.context.store.database.read { db in
                try Data.fetchOne(db, sql: "SELECT parties FROM crm_tickets") ?? Data()
            }
            #expect(!String(decoding: stored, as: UTF8.self).contains("049088012345"))
        }
    }

    @Test func dueDatesCountWorkingDaysAfterTheDayOfReceiptAcrossTheHoliday() async throws {
        try await CRMHarness.run(at: Self.beforeNationalDay) { crm in
            let urban = Samples.submitted("PC05TK-250829-000001", at: Self.beforeNationalDay, areaClass: .urban)
            let rural = Samples.submitted("PC05TK-250829-000002", at: Self.beforeNationalDay, areaClass: .rural)
            // Filed on Sunday 31 Aug: counting starts on the next working day too.
            let sunday = Samples.submitted("PC05TK-250831-000001", at: vietnamTime("2025-08-31 20:00"),
                                           areaClass: .urban)
            for request in [urban, rural, sunday] {
                try await crm.publish(request, correlationId: request.requestCode)
            }
            try await crm.awaitSent(TicketOpened.routingKey, count: 3)

            #expect(try await crm.ticket(urban.requestCode)["dueDate"] as? String == "2025-09-05")
            #expect(try await crm.ticket(rural.requestCode)["dueDate"] as? String == "2025-09-09")
            #expect(try await crm.ticket(sunday.requestCode)["dueDate"] as? String == "2025-09-05")
            #expect(try await crm.ticket(rural.requestCode)["slaLimitWorkingDays"] as? Int == 5)

            let token = try await crm.token(unit: "PC05TK")
            let survey = try await crm.post("api/v1/tickets/CRM-\(urban.requestCode)/survey",
                                            ["outcome": "needs_pole_or_cable", "phase": 1], token: token)
            #expect(survey.status == 200)
            #expect(try survey.json()["slaLimitWorkingDays"] as? Int == 7)
            #expect(try survey.json()["dueDate"] as? String == "2025-09-11")
            let recorded = try await crm.awaitSent(SurveyRecorded.routingKey)
            #expect(recorded.first?["dueDate"] as? String == "2025-09-11")
            #expect(recorded.first?["staffId"] as? String == "tk-cs-014")
        }
    }

    /// A ticket's street, kept in plain text by earlier versions, is sealed by a migration
    /// and read back opened.
    @Test func theStreetOfAnEarlierTicketIsSealedAndStillRead() throws {
        let personalData = TemporaryStore.protector(4)
        let migrator = CRMService.migrator(personalData: personalData)
        let pool = try TemporaryStore.earlierVersion(of: migrator, upTo: "crm.contracts.ended")
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO crm_tickets (ticket_id, request_code, branch_code, branch_name, branch_hotline, province,
                    commune_code, street, area_class, purpose, household_count, parties, received_on, opened_at, status,
                    sla_limit, due_date)
                VALUES ('T-1', 'PC05TK-251124-000001', 'PC05TK', 'Điện lực Tam Kỳ', '0235 3851 234', 'Quảng Nam', '20350',
                    '47 Hùng Vương, tổ 9', 'urban', 'residential', 1, ?, '2025-11-24', 0, 'open', 3, '2025-11-27')
                """, arguments: [personalData.seal("{}")])
        }
        #expect(try StoreFileScan.plainTexts(["47 Hùng Vương"], in: pool) == ["47 Hùng Vương"])

        try migrator.migrate(pool)

        #expect(try StoreFileScan.plainTexts(["47 Hùng Vương"], in: pool).isEmpty)
        let ticket = try #require(try pool.read { db in try TicketStore.ticket(id: "T-1", personalData: personalData, in: db) })
        #expect(ticket.site.street == "47 Hùng Vương, tổ 9")
    }
}
