import Contracts
import Foundation
import TestSupport
import Testing

/// The dispatcher's pages as they use them: the live board, an incident restored with its
/// cause, the planned-outage form with the five-day rule, each error beside its field.
@Suite struct DispatchPagesTests {
    @Test func theBoardShowsTheLiveIncidentAndOnceRestoredItsCause() async throws {
        try await OutageHarness.run { outage in
            for number in 1...3 { try await outage.send(Samples.report(number)) }
            try await outage.send(Samples.report(4, phone: Samples.report(1).phone))
            try await eventually("four reports filed") { try await outage.count("outage_reports") == 4 }
            let incidentId = try #require(try await outage.incidents().first?["incidentId"] as? String)
            let dispatcher = try await outage.token(.dispatcher, unit: Samples.branch)

            let board = try await outage.staffPage("su-co", token: dispatcher)
            #expect(board.status == 200)
            let row = try #require(PageElement(id: "incident-\(incidentId)", in: board.text)).inner
            #expect(row.contains("Phường An Mỹ"), "the area by its name: \(row)")
            #expect(row.contains("4 / 3"), "four reports from three customers")
            #expect(row.contains("Chưa cử tổ sửa chữa"))
            #expect(row.contains(#"href="/su-co/\#(incidentId)""#))

            let path = "su-co/\(incidentId)"
            let crew = try await outage.staffForm("\(path)/to-sua-chua", ["crew": "Tổ sửa chữa 2"], token: dispatcher)
            #expect(crew.status == 200, "the form's 303 leads back to the incident")
            #expect(PageElement(id: "status", in: crew.text)?.inner == "Tổ sửa chữa đang xử lý")
            let refused = try await outage.staffForm("\(path)/khoi-phuc?lang=en", ["cause": " "], token: dispatcher)
            #expect(refused.status == 422)
            #expect(PageElement(id: "cause-error", in: refused.text) != nil)
            #expect(try await outage.sent(SendOutageNotice.routingKey).isEmpty, "nobody is told of a refused restoration")

            let restored = try await outage.staffForm("\(path)/khoi-phuc", ["cause": "Đứt dây trung thế"], token: dispatcher)
            #expect(restored.status == 200)
            #expect(PageElement(id: "status", in: restored.text)?.inner == "Đã khôi phục cấp điện")
            #expect(PageElement(id: "cause", in: restored.text)?.inner == "Đứt dây trung thế")
            _ = try await outage.awaitSent(SendOutageNotice.routingKey, count: 3)

            let after = try await outage.staffPage("su-co?lang=en", token: dispatcher)
            #expect(PageElement(id: "live", in: after.text) == nil, "no incident is live any more")
            let done = try #require(PageElement(id: "restored", in: after.text)).inner
            #expect(done.contains("Power restored") && done.contains("Đứt dây trung thế"))
        }
    }

    @Test func thePagesServeDispatchOfTheIncidentsBranchOnly() async throws {
        try await OutageHarness.run { outage in
            try await outage.send(Samples.report(1))
            try await eventually("the report is filed") { try await outage.count("outage_reports") == 1 }
            let incidentId = try #require(try await outage.incidents().first?["incidentId"] as? String)
            let technician = try await outage.token(.fieldTechnician, unit: Samples.branch)
            #expect(try await outage.staffPage("su-co", token: technician).status == 403)
            #expect(try await outage.staffPage("cat-dien-ke-hoach", token: technician).status == 403)

            let outsider = try await outage.token(.dispatcher, unit: Samples.otherBranch)
            #expect(!(try await outage.staffPage("su-co", token: outsider).text.contains(incidentId)))
            #expect(try await outage.staffPage("su-co/\(incidentId)", token: outsider).status == 403)
            let restored = try await outage.staffForm("su-co/\(incidentId)/khoi-phuc", ["cause": "Đứt dây"], token: outsider)
            #expect(restored.status == 403)
            #expect(try await outage.incidents().first?["status"] as? String == "open")
        }
    }

    @Test func thePlannedOutageFormKeepsTheFiveDayRuleAndShowsEachErrorBesideItsField() async throws {
        try await OutageHarness.run { outage in
            let dispatcher = try await outage.token(.dispatcher, unit: Samples.branch)
            let soon = Samples.instant(days: 2)
            let tooSoon = try await outage.staffForm("cat-dien-ke-hoach", [
                "communeCodes": "\(Samples.anMy), 20395", "location": "Phường An Mỹ", "reason": "Thay máy biến áp",
                "startsAt": String(soon.prefix(16)), "endsAt": String(Samples.instant(days: 2, hours: 4).prefix(16)),
            ], token: dispatcher)
            #expect(tooSoon.status == 422)
            #expect(PageElement(id: "urgentReason-error", in: tooSoon.text)?.inner.contains("5") == true)
            #expect(PageElement(id: "communeCodes-error", in: tooSoon.text)?.inner.contains("20395") == true,
                    "a commune of another branch is refused beside the communes")
            #expect(tooSoon.text.contains(#"value="Phường An Mỹ""#), "what was typed is kept")
            #expect(try await outage.count("outage_planned") == 0)

            let english = try await outage.staffForm("cat-dien-ke-hoach?lang=en", [
                "communeCodes": Samples.anMy, "location": "", "reason": "Thay máy biến áp",
                "startsAt": String(soon.prefix(16)), "endsAt": String(Samples.instant(days: 2, hours: 4).prefix(16)),
            ], token: dispatcher)
            #expect(PageElement(id: "location-error", in: english.text)?.inner.isEmpty == false)
            #expect(english.text.contains("Please correct the following"))

            let urgent = try await outage.staffForm("cat-dien-ke-hoach", [
                "communeCodes": Samples.anMy, "location": "Phường An Mỹ", "reason": "Thay máy biến áp",
                "startsAt": String(soon.prefix(16)), "endsAt": String(Samples.instant(days: 2, hours: 4).prefix(16)),
                "urgentReason": "Máy biến áp TBA-AM1 quá tải, có nguy cơ cháy",
            ], token: dispatcher)
            #expect(urgent.status == 200)
            #expect(PageElement(id: "scheduled", in: urgent.text) != nil)
            let listed = try #require(PageElement(id: "planned-outages", in: urgent.text)).inner
            #expect(listed.contains("Máy biến áp TBA-AM1 quá tải") && listed.contains("Đã lập lịch, đã báo khách hàng"))
            let day = soon.prefix(10).split(separator: "-")
            let shownStart = "\(day[2])/\(day[1])/\(day[0]) \(soon.dropFirst(11).prefix(5))"
            #expect(listed.contains(shownStart), "the start in Vietnam's time: \(listed)")
        }
    }

    @Test func aDispatcherLoadsTheBranchsSupplyPointsAndReadsEachRefusedRow() async throws {
        try await OutageHarness.run { outage in
            let dispatcher = try await outage.token(.dispatcher, unit: Samples.branch)
            let empty = try await outage.staffForm("diem-cap-dien", ["csv": "  "], token: dispatcher)
            #expect(empty.status == 422)
            #expect(PageElement(id: "csv-error", in: empty.text)?.inner == "Hãy dán nội dung tệp CSV, cả dòng tiêu đề")

            let loaded = try await outage.staffForm("diem-cap-dien", ["csv": Samples.supplyPoints], token: dispatcher)
            #expect(loaded.status == 200)
            #expect(PageElement(id: "imported", in: loaded.text)?.inner == "3")
            #expect(PageElement(id: "rejected-count", in: loaded.text)?.inner == "1", "Hội An's row is not Tam Kỳ's")
            let refused = try #require(PageElement(id: "rejected", in: loaded.text)).inner
            #expect(refused.contains("<code>branch</code>") && refused.contains(#"data-code="auth.other_unit""#))
            #expect(try await outage.count("outage_supply_points") == 3)
        }
    }
}
