@testable import CRM
import Contracts
import Foundation
import Messaging
import TestSupport
import Testing
import WorkingCalendar

/// A connection request may ask for a fixed term: the contract then ends that many months
/// after the day it is signed, and an approved renewal moves its end one term on (from today
/// when it already ran out), as a new version. A household's open-ended contract has nothing
/// to renew, and the customer is told so.
@Suite struct ContractTermTests {
    static let connection = "PC05TK-250908-000001"
    static let renewal = "PC05TK-260220-000002"

    @Test func aContractWithATermEndsThatManyMonthsAfterSigningAndARenewalExtendsIt() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let number = try await Self.signedContract(termMonths: 6, signedAt: vietnamTime("2025-09-10 16:00"), on: crm)
            let drafted = try #require(try await crm.sent(ContractDrafted.self).first)
            #expect(drafted.termMonths == 6, "intake's contract page shows the term before the signature")

            let signed = try #require(try await crm.ticket(Self.connection)["contract"] as? [String: Any])
            #expect(signed["contractNumber"] as? String == number)
            #expect(signed["termMonths"] as? Int == 6)
            #expect(signed["endsOn"] as? String == "2026-03-10")
            #expect((signed["history"] as? [[String: Any]])?.first?["endsOn"] as? String == "2026-03-10")

            // Three weeks before the end, the holder asks to renew; the branch approves the same day.
            crm.clock.set(vietnamTime("2026-02-20 09:00"))
            try await ContractVersionTests.file(Self.renewal, .contractRenewal, at: vietnamTime("2026-02-20 08:30"), on: crm)
            try await eventually("the renewal is open") { try await crm.count("crm_service_tickets") == 1 }
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let approved = try await crm.post("api/v1/tickets/CRM-\(Self.renewal)/decision", ["decision": "approve"],
                                              token: head).expect(200)
            #expect((approved["closure"] as? [String: Any])?["resolution"] as? String == "completed")
            let renewed = try #require(approved["contract"] as? [String: Any])
            #expect(renewed["version"] as? Int == 2)
            #expect(renewed["endsOn"] as? String == "2026-09-10", "one more term from the old end")
            let history = try #require(renewed["history"] as? [[String: Any]])
            #expect(history.map { $0["change"] as? String } == ["signed", "renewed"])
            #expect(history.map { $0["effectiveOn"] as? String } == ["2025-09-10", "2026-02-20"])
            #expect(history.map { $0["endsOn"] as? String } == ["2026-03-10", "2026-09-10"])
            #expect(history.map { $0["cause"] as? String } == [Self.connection, Self.renewal])

            let progressed = try await crm.sent(RequestProgressed.self).filter { $0.requestCode == Self.renewal }
            #expect(progressed.map(\.stage) == [.completed])
            #expect(progressed.first?.summary.vi
                    == "Hợp đồng mã khách hàng PC05TK0000001 đã được gia hạn đến hết ngày 10/09/2026")
            #expect(progressed.first?.summary.en == "The contract of customer PC05TK0000001 was renewed until 10/09/2026")

            let cookie = ["Cookie": "staff_token=\(head)"]
            let page = String(decoding: try await crm.call("GET", "phieu/CRM-\(Self.renewal)", headers: cookie).body,
                              as: UTF8.self)
            for words in ["Gia hạn hợp đồng", "10/09/2026", "10/03/2026", "phiên bản 2", number] {
                #expect(page.contains(words), "the renewal's page shows \(words)")
            }
            let english = String(decoding: try await crm.call("GET", "phieu/CRM-\(Self.renewal)?lang=en",
                                                               headers: cookie).body, as: UTF8.self)
            #expect(english.contains("Contract renewed"))
            #expect(english.contains("Contract ends"))
        }
    }

    @Test func aRenewalAfterTheEndRunsOneTermFromTheDayItIsApproved() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await Self.signedContract(termMonths: 1, signedAt: vietnamTime("2025-09-10 16:00"), on: crm)
            #expect((try await crm.ticket(Self.connection)["contract"] as? [String: Any])?["endsOn"] as? String
                    == "2025-10-10")

            crm.clock.set(vietnamTime("2025-11-20 09:00"))
            let request = "PC05TK-251120-000002"
            try await ContractVersionTests.file(request, .contractRenewal, at: vietnamTime("2025-11-20 08:30"), on: crm)
            try await eventually("the renewal is open") { try await crm.count("crm_service_tickets") == 1 }
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let approved = try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"],
                                              token: head).expect(200)
            let renewed = try #require(approved["contract"] as? [String: Any])
            #expect(renewed["endsOn"] as? String == "2025-12-20", "a month from the approval, not from the old end")
            #expect((renewed["history"] as? [[String: Any]])?.last?["change"] as? String == "renewed")
        }
    }

    @Test func aRenewalOfAnOpenEndedContractChangesNothingAndSaysSo() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await Self.signedContract(termMonths: nil, signedAt: vietnamTime("2025-09-10 16:00"), on: crm)
            let signed = try #require(try await crm.ticket(Self.connection)["contract"] as? [String: Any])
            #expect(signed["endsOn"] == nil)
            #expect(signed["termMonths"] == nil)

            crm.clock.set(vietnamTime("2025-09-16 09:00"))
            let request = "PC05TK-250916-000002"
            try await ContractVersionTests.file(request, .contractRenewal, at: vietnamTime("2025-09-16 08:30"), on: crm)
            try await eventually("the renewal is open") { try await crm.count("crm_service_tickets") == 1 }
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let closed = try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"],
                                            token: head).expect(200)
            #expect((closed["closure"] as? [String: Any])?["resolution"] as? String == "completed")
            let contract = try #require(closed["contract"] as? [String: Any])
            #expect(contract["version"] as? Int == 1, "no version for a renewal that renews nothing")
            #expect(contract["endsOn"] == nil)
            let summary = try #require(try await crm.sent(RequestProgressed.self)
                .first { $0.requestCode == request }?.summary)
            #expect(summary.vi == "Hợp đồng mã khách hàng PC05TK0000001 không có thời hạn; không cần gia hạn")
            #expect(summary.en == "The contract of customer PC05TK0000001 has no end date; nothing to renew")
            let steps = (closed["timeline"] as? [[String: Any]] ?? [])
                .compactMap { ($0["label"] as? [String: Any])?["en"] as? String }
            #expect(steps.contains("The branch approved the request"), "the timeline is read")
            #expect(!steps.contains("Contract changed"))

            let cookie = ["Cookie": "staff_token=\(head)"]
            let page = String(decoding: try await crm.call("GET", "phieu/CRM-\(request)", headers: cookie).body,
                              as: UTF8.self)
            #expect(page.contains("Không thời hạn"))
        }
    }

    @Test func aTerminationTicketShowsTheContractItEnded() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let number = try await Self.signedContract(termMonths: nil, signedAt: vietnamTime("2025-09-10 16:00"), on: crm)
            crm.clock.set(vietnamTime("2025-09-17 09:00"))
            let termination = "PC05TK-250917-000003"
            try await ContractVersionTests.file(termination, .contractTermination, at: vietnamTime("2025-09-17 08:30"), on: crm)
            try await eventually("the termination is open") { try await crm.count("crm_service_tickets") == 1 }
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let approved = try await crm.post("api/v1/tickets/CRM-\(termination)/decision", ["decision": "approve"],
                                              token: head).expect(200)
            #expect(approved["endedContract"] == nil, "nothing is ended before the final reading")
            crm.clock.set(vietnamTime("2025-09-18 10:30"))
            try await crm.publish(MeterVisited(visitId: "MV-000001", requestCode: termination, purpose: .finalReading,
                                               meterSerial: "VN1P-250001", readingKWh: 1234, check: nil, findings: nil,
                                               visitedAt: vietnamTime("2025-09-18 10:00")),
                                  correlationId: termination)
            try await eventually("the termination is closed") { try await crm.ticket(termination)["closure"] != nil }

            let ended = try await crm.ticket(termination)
            #expect(ended["contract"] == nil, "the customer code holds no signed contract any more")
            let shown = try #require(ended["endedContract"] as? [String: Any])
            #expect(shown["contractNumber"] as? String == number)
            #expect(shown["status"] as? String == "ended")
            #expect(shown["version"] as? Int == 2)

            let cookie = ["Cookie": "staff_token=\(try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01"))"]
            let page = String(decoding: try await crm.call("GET", "phieu/CRM-\(termination)", headers: cookie).body,
                              as: UTF8.self)
            for words in ["Hợp đồng đã chấm dứt", number, "phiên bản 2", "chấm dứt từ ngày 18/09/2025"] {
                #expect(page.contains(words), "the termination's page shows \(words)")
            }
        }
    }

    @Test func aRequestAskingForATermOutsideOneToSixtyMonthsIsDeadLettered() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            var request = Samples.submitted(Self.connection, at: vietnamTime("2025-09-08 08:00"))
            request.termMonths = 61
            try await crm.publish(request, correlationId: request.requestCode)
            try await eventually("it reached crm.dead") { try await crm.broker.queueDepth("crm.dead") == 1 }
            #expect(try await crm.count("crm_tickets") == 0)
        }
    }

    @Test func aTermEndsOnTheSameDayOfTheMonthOrTheMonthsLastDay() throws {
        let six = try #require(ContractTerm(months: 6))
        #expect(six.end(from: CalendarDay(year: 2025, month: 9, day: 10)) == CalendarDay(year: 2026, month: 3, day: 10))
        let one = try #require(ContractTerm(months: 1))
        #expect(one.end(from: CalendarDay(year: 2026, month: 1, day: 31)) == CalendarDay(year: 2026, month: 2, day: 28))
        #expect(one.end(from: CalendarDay(year: 2025, month: 12, day: 15)) == CalendarDay(year: 2026, month: 1, day: 15))
        let year = try #require(ContractTerm(months: 12))
        #expect(year.end(from: CalendarDay(year: 2024, month: 2, day: 29)) == CalendarDay(year: 2025, month: 2, day: 28))
        #expect(six.renewedEnd(endingOn: CalendarDay(year: 2026, month: 3, day: 10),
                               today: CalendarDay(year: 2026, month: 2, day: 20)) == CalendarDay(year: 2026, month: 9, day: 10))
        #expect(one.renewedEnd(endingOn: CalendarDay(year: 2025, month: 10, day: 10),
                               today: CalendarDay(year: 2025, month: 11, day: 20)) == CalendarDay(year: 2025, month: 12, day: 20))
        #expect(ContractTerm(months: 0) == nil)
        #expect(ContractTerm(months: 61) == nil)
        #expect(ContractTerm(months: 60)?.months == 60)
    }

    /// Opens `connection` asking for `termMonths`, screens, installs and signs it; the contract's number.
    static func signedContract(termMonths: Int?, signedAt: Date, on crm: CRMHarness) async throws -> String {
        var request = Samples.submitted(connection, at: vietnamTime("2025-09-08 08:00"), purpose: .business,
                                        householdCount: 1)
        request.termMonths = termMonths
        try await crm.publish(request, correlationId: connection)
        try await eventually("the ticket is open") { try await crm.count("crm_tickets") == 1 }
        try await crm.publish(Samples.clear(connection, at: vietnamTime("2025-09-08 08:05")), correlationId: connection)
        try await crm.publish(Samples.installed(connection, at: vietnamTime("2025-09-09 09:30")), correlationId: connection)
        let number = try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"] as? String)
        try await crm.publish(Samples.signed(connection, contractNumber: number, at: signedAt), correlationId: connection)
        try await crm.awaitSent(TicketClosed.routingKey)
        return number
    }
}
