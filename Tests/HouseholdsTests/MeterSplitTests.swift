import Contracts
import Foundation
import TestSupport
import Testing
import WorkingCalendar

/// Meter splits: metering's `metering.meter.split` takes a sub-household off the shared meter;
/// staff record why the others have not split; the monthly report counts both.
@Suite struct MeterSplitTests {
    @Test func aSplitMeterTakesTheHouseholdOffTheSharedMeterOnceAndTheMonthlyReportCountsIt() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let created = try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05TK0000070", subs: [Samples.tenant, Samples.stranger]), token: officer).expect(201)
            let dossierId = try #require(created["dossierId"] as? String)
            let members = try #require(created["members"] as? [[String: Any]])
            let tenant = try #require(members[1]["subHouseholdId"] as? String)
            let stranger = try #require(members[2]["subHouseholdId"] as? String)

            // Why the other one has not split, and that it wants to.
            let status = try await households.put("api/v1/sub-households/\(stranger)/split-status", [
                "notSplitReason": "no_supply_point", "note": "Chờ kéo lưới hạ áp thôn 3", "wantsSplit": true,
            ], token: officer).expect(200)
            #expect((status["splitStatus"] as? [String: any Sendable])?["wantsSplit"] as? Bool == true)
            let bad = try await households.put("api/v1/sub-households/\(stranger)/split-status",
                                               ["notSplitReason": "weather"], token: officer)
            #expect(bad.status == 422)
            #expect(try bad.errorFields() == ["notSplitReason"])
            #expect(try await households.put("api/v1/sub-households/\(stranger)/split-status",
                                             ["notSplitReason": "other"], token: officer).errorFields() == ["note"])

            let split = MeterSplit(workOrderId: "WO-PC05TK-000031", requestCode: "PC05TK-261129-000031",
                                   sharedCustomerCode: "PC05TK0000070", subHouseholdId: tenant,
                                   newCustomerCode: "PC05TK0000071", newMeterSerial: "TK-1P-0099", splitAt: Date())
            _ = try await households.publish(split, correlationId: split.requestCode)
            _ = try await households.publish(split, correlationId: split.requestCode)

            try await eventually("the split is recorded") {
                let dossier = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).json()
                return Samples.allowance(dossier) == "8 = 2"
            }
            let dossier = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).expect(200)
            let split0 = try #require((dossier["members"] as? [[String: Any]])?.first { $0["subHouseholdId"] as? String == tenant })
            #expect(split0["status"] as? String == "split")
            #expect(split0["splitCustomerCode"] as? String == "PC05TK0000071")

            let changes = try await households.awaitSent(HouseholdCountChanged.routingKey)
            #expect(changes.count == 1)
            #expect(changes[0]["reason"] as? String == "sub_household_split")
            #expect(changes[0]["newQuarters"] as? Int == 8)
            let wire = try await households.messages(HouseholdCountChanged.routingKey)
            #expect((wire.first?["properties"] as? [String: Any])?["correlation_id"] as? String == split.requestCode)

            let month = String(CalendarDay(Date()).description.prefix(7))
            let report = try await households.get("api/v1/split-report?month=\(month)", token: officer).expect(200)
            #expect((report["splitsDone"] as? [[String: Any]])?.map { $0["newCustomerCode"] as? String } == ["PC05TK0000071"])
            #expect((report["pendingWishes"] as? [[String: Any]])?.map { $0["subHouseholdId"] as? String } == [stranger])
            let reasons = try #require(report["notSplitByReason"] as? [[String: Any]])
            #expect(reasons.map { $0["reason"] as? String } == ["no_supply_point"])
            #expect(reasons.first?["labelVi"] as? String == "Chưa có lưới điện hạ áp đến điểm đấu nối riêng")
            #expect(try await households.get("api/v1/split-report?month=2026-13", token: officer).status == 422)
        }
    }

    @Test func aSplitNamingAHouseholdOfAnotherMeterIsDeadLettered() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let created = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000072"),
                                                    token: officer).expect(201)
            let tenant = try #require((created["members"] as? [[String: Any]])?[1]["subHouseholdId"] as? String)
            _ = try await households.publish(MeterSplit(
                workOrderId: "WO-1", requestCode: "PC05TK-261129-000032", sharedCustomerCode: "PC05TK0000999",
                subHouseholdId: tenant, newCustomerCode: "PC05TK0000073", newMeterSerial: "TK-1P-0100", splitAt: Date()),
                correlationId: "PC05TK-261129-000032")
            try await eventually("the split is dead-lettered") {
                households.logs.all.contains { line in
                    line.message == "message dead-lettered" && line.metadata["reason"]?.contains("is not a household of customer") == true
                }
            }
            let dossier = try await households.get("api/v1/dossiers?customerCode=PC05TK0000072", token: officer).expect(200)
            #expect(Samples.allowance(dossier) == "8 = 2")
        }
    }
}
