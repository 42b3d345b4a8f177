import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// The planned-outage schedule (Circular 22/2020/TT-BCT) and its notices to every supply point of the area.
@Suite struct PlannedOutageTests {
    @Test func lessThanFiveDaysAheadIsRefusedUnlessUrgentWithAReason() async throws {
        try await OutageHarness.run { outage in
            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let early = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 4.5), token: dispatch)
            #expect(early.status == 422)
            #expect(try early.errorFields() == ["urgentReason"])
            let error = try #require((try early.json()["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "planned_outage.notice_too_short")
            #expect((error["message"] as? [String: String])?["vi"]?.contains("22/2020/TT-BCT") == true)

            let urgent = try await outage.post(
                "api/v1/planned-outages",
                Samples.plannedOutage(days: 1, urgentReason: "Máy biến áp TBA-AM1 quá tải, nguy cơ cháy nổ"), token: dispatch)
            #expect(urgent.status == 201)
            #expect((try urgent.json()["plannedOutage"] as? [String: Any])?["urgentReason"] != nil)
            #expect(try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 5.1), token: dispatch)
                        .status == 201)
        }
    }

    @Test func aPlannedOutageLeavesTheScheduleOnceItIsOver() async throws {
        let clock = ManualClock(Date())
        try await OutageHarness.run(clock: clock.wallClock) { outage in
            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            let id = try #require((created["plannedOutage"] as? [String: Any])?["plannedOutageId"] as? String)
            #expect(try await outage.plannedOutageIds() == [id])

            clock.advance(6 * 86_400 + 3 * 3600)
            #expect(try await outage.plannedOutageIds() == [id], "under way, it ends four hours after it began")
            clock.advance(2 * 3600)
            #expect(try await outage.plannedOutageIds() == [], "over an hour ago")
        }
    }

    @Test func badFieldsAreListedTogether() async throws {
        try await OutageHarness.run { outage in
            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            var body = Samples.plannedOutage(days: 7, communes: ["20395", "99999"])
            body["endsAt"] = Samples.instant(days: 6)
            body["reason"] = ""
            body["startsAt"] = Samples.instant(days: 7)
            let answer = try await outage.post("api/v1/planned-outages", body, token: dispatch)
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["communeCodes[0]", "communeCodes[1]", "reason", "endsAt"])
            body = Samples.plannedOutage(days: 7)
            body["startsAt"] = "10/12/2026 07:30"
            #expect(try await outage.post("api/v1/planned-outages", body, token: dispatch).errorFields() == ["startsAt"])
            let corporation = try await outage.token(.dispatcher, unit: "CORP")
            #expect(try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 7), token: corporation)
                        .errorFields() == ["branchCode"])
            #expect(try await outage.count("outage_planned") == 0)
        }
    }

    @Test func everyReachableSupplyPointOfTheAreaIsToldAtCreationChangeAndCancellation() async throws {
        try await OutageHarness.run { outage in
            let summary = try await outage.loadSupplyPoints(Samples.supplyPoints)
            #expect(summary["imported"] as? Int == 4)
            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)

            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 1, "An Mỹ has two supply points, one with a phone")
            let planned = try #require(created["plannedOutage"] as? [String: Any])
            let id = try #require(planned["plannedOutageId"] as? String)
            #expect(id == "KH-PC05TK-000001")
            var notices = try await outage.awaitSent(SendOutageNotice.routingKey)
            #expect(notices.first?["phone"] as? String == "+84905000001")
            #expect(notices.first?["notice"] as? String == "planned_scheduled")
            #expect(notices.first?["location"] as? String == "Phường An Mỹ, Tam Kỳ")

            let changed = try await outage.call(
                "PUT", "api/v1/planned-outages/\(id)",
                body: try JSONSerialization.data(withJSONObject: Samples.plannedOutage(days: 8, communes: [Samples.tanThanh])),
                token: dispatch).expect(200)
            #expect(changed["notified"] as? Int == 2, "the old area and the new one")
            #expect((changed["plannedOutage"] as? [String: Any])?["revision"] as? Int == 2)
            notices = try await outage.awaitSent(SendOutageNotice.routingKey, count: 3)
            #expect(notices.filter { $0["notice"] as? String == "planned_changed" }.count == 2)

            let cancelled = try await outage.post("api/v1/planned-outages/\(id)/cancellation",
                                                  ["reason": "Hoãn do mưa bão"], token: dispatch).expect(200)
            #expect((cancelled["plannedOutage"] as? [String: Any])?["status"] as? String == "cancelled")
            notices = try await outage.awaitSent(SendOutageNotice.routingKey, count: 4)
            #expect(notices.last?["notice"] as? String == "planned_cancelled")
            #expect(notices.last?["reason"] as? String == "Hoãn do mưa bão", "customers hear why it is called off")
            #expect((cancelled["plannedOutage"] as? [String: Any])?["reason"] as? String == "Thay máy biến áp TBA-AM1",
                    "the schedule keeps the outage's own reason")
            #expect(notices.last?["phone"] as? String == "+84905000003")
            #expect(notices.allSatisfy { $0["phone"] as? String != "+84905000004" }, "Hội An's customer is not told")
            #expect(try await outage.post("api/v1/planned-outages/\(id)/cancellation", ["reason": "Lần nữa"],
                                          token: dispatch).status == 409)

            let outsider = try await outage.token(.dispatcher, unit: Samples.otherBranch)
            #expect(try await outage.post("api/v1/planned-outages/\(id)/cancellation", ["reason": "Hủy"],
                                          token: outsider).status == 403)
        }
    }

    @Test func theSupplyPointImportKeepsGoodRowsAndListsBadOnes() async throws {
        try await OutageHarness.run { outage in
            let csv = """
                customer_code,branch,commune_code,phone\r
                PC05TK0000001,PC05TK,20356,0905000001\r
                PC05TK0000002,PC05XX,20356,\r
                PC05TK0000003,PC05TK,20395,0905000003\r
                pc05tk 0004,PC05TK,20356,12345\r

                """
            let summary = try await outage.loadSupplyPoints(csv)
            #expect(summary["imported"] as? Int == 1)
            let rejected = try #require(summary["rejected"] as? [[String: Any]])
            #expect(rejected.map { "\($0["line"] ?? "")/\($0["field"] ?? "")" } == [
                "3/branch", "3/commune_code", "4/commune_code", "5/customer_code", "5/phone",
            ])
            let branchDispatch = try await outage.token(.dispatcher, unit: Samples.otherBranch)
            let other = try await outage.post("api/v1/supply-points", raw: Data(Samples.supplyPoints.utf8),
                                              token: branchDispatch).expect(200)
            #expect(other["imported"] as? Int == 1, "a branch loads its own rows only")
        }
    }

    @Test func aBranchCannotTakeOverAnotherBranchsSupplyPointOrItsPhone() async throws {
        try await OutageHarness.run { outage in
            _ = try await outage.loadSupplyPoints(Samples.supplyPoints)
            // A record loaded before customer codes were checked against their branch.
            try await outage.host.context.store.database.write { db in
                try db.execute(sql: """
                    INSERT INTO outage_supply_points (customer_code, branch_code, commune_code, imported_at)
                    VALUES ('PC05TK0000009', 'PC05HA', '20395', 0)
                    """)
            }
            let tamKy = try await outage.token(.dispatcher, unit: Samples.branch)
            let taking = try await outage.post("api/v1/supply-points", raw: Data("""
                customer_code,branch,commune_code,phone\r
                PC05HA0000004,PC05TK,20356,0905999999\r
                PC05TK0000009,PC05TK,20356,0905999999\r
                PC05TK0000001,PC05TK,20356,0905000011\r

                """.utf8), token: tamKy).expect(200)
            #expect(taking["imported"] as? Int == 1, "only its own customer")
            let rejected = try #require(taking["rejected"] as? [[String: Any]])
            #expect(rejected.map { "\($0["line"] ?? "")/\($0["field"] ?? "")/\($0["code"] ?? "")" } == [
                "2/customer_code/customer_code.other_branch", "3/customer_code/auth.other_unit",
            ])
            let corporation = try await outage.token(.dispatcher, unit: "CORP")
            let moving = try await outage.post("api/v1/supply-points", raw: Data("""
                customer_code,branch,commune_code\r
                PC05TK0000009,PC05TK,20356\r

                """.utf8), token: corporation).expect(200)
            #expect(moving["imported"] as? Int == 0, "not even corporation staff move a record between branches")

            let rows = try await outage.host.context.store.database.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT customer_code, branch_code, phone_masked FROM outage_supply_points
                    WHERE customer_code IN ('PC05HA0000004', 'PC05TK0000009') ORDER BY customer_code
                    """).map { "\($0["customer_code"] as String) \($0["branch_code"] as String) \($0["phone_masked"] as String? ?? "-")" }
            }
            #expect(rows == ["PC05HA0000004 PC05HA +8490****004", "PC05TK0000009 PC05HA -"])
        }
    }
}
