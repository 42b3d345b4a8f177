import Contracts
import Foundation
import TestSupport
import Testing

/// Reports clustered into incidents, and an incident's way to its restoration, as dispatch and the wire see them.
@Suite struct IncidentTests {
    @Test func reportsOfOneAreaBecomeOneIncidentAndARepeatedReporterCountsOnce() async throws {
        try await OutageHarness.run { outage in
            for number in 1...5 { try await outage.send(Samples.report(number)) }
            try await outage.send(Samples.report(6, phone: Samples.report(2).phone))
            try await outage.send(Samples.report(7, communeCode: Samples.tanThanh))

            try await eventually("seven reports filed") { try await outage.count("outage_reports") == 7 }
            let incidents = try await outage.incidents()
            #expect(incidents.count == 2, "An Mỹ and Tân Thạnh: \(incidents)")
            let anMy = try #require(incidents.first { $0["area"] as? String == "commune:\(Samples.anMy)" })
            #expect(anMy["reportCount"] as? Int == 6)
            #expect(anMy["reporterCount"] as? Int == 5, "report 6 came from report 2's phone")
            #expect(anMy["status"] as? String == "open")
            let tanThanh = try #require(incidents.first { $0["area"] as? String == "commune:\(Samples.tanThanh)" })
            #expect(tanThanh["reportCount"] as? Int == 1)
        }
    }

    @Test func aRedeliveredReportIsFiledOnce() async throws {
        try await OutageHarness.run { outage in
            let report = Samples.report(1)
            let deliveries = [
                try await outage.send(report, messageId: "redelivered-1"),
                try await outage.send(report, messageId: "redelivered-1"),
                try await outage.send(report),
                try await outage.send(Samples.report(2)),
            ]
            try await outage.awaitHandled(deliveries)
            #expect(try await outage.count("outage_reports") == 2)
            #expect(try await outage.incidents().first?["reportCount"] as? Int == 2)
        }
    }

    @Test func aReportByCustomerCodeJoinsItsStationsIncident() async throws {
        try await OutageHarness.run { outage in
            _ = try await outage.loadSupplyPoints(Samples.supplyPoints)
            try await outage.send(Samples.report(1, communeCode: nil, customerCode: "PC05TK0000001"))
            try await outage.send(Samples.report(2, communeCode: nil, customerCode: "PC05TK0000002"))
            try await outage.send(Samples.report(3, communeCode: nil, customerCode: "PC05TK9999999"))
            try await eventually("three reports filed") { try await outage.count("outage_reports") == 3 }
            let areas = Set(try await outage.incidents().compactMap { $0["area"] as? String })
            #expect(areas == ["station:TBA-AM1", "branch"])
        }
    }

    @Test func reportsFarApartInTimeAreTwoIncidents() async throws {
        try await OutageHarness.run { outage in
            try await outage.send(Samples.report(1, at: Date().addingTimeInterval(-5 * 3600)))
            try await outage.send(Samples.report(2))
            try await eventually("two reports filed") { try await outage.count("outage_reports") == 2 }
            #expect(try await outage.incidents().count == 2, "the window is three hours")
        }
    }

    @Test func restorationTellsEachReporterOnceAndClosesTheIncident() async throws {
        try await OutageHarness.run { outage in
            for number in 1...3 { try await outage.send(Samples.report(number)) }
            try await outage.send(Samples.report(4, phone: Samples.report(1).phone))
            try await eventually("four reports filed") { try await outage.count("outage_reports") == 4 }
            let incidentId = try #require(try await outage.incidents().first?["incidentId"] as? String)
            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch, staffId: "tk-dd-01")

            let crewed = try await outage.post("api/v1/incidents/\(incidentId)/crew", ["crew": "Tổ sửa chữa 2"],
                                               token: dispatch).expect(200)
            #expect(crewed["status"] as? String == "crew_assigned")
            #expect(try await outage.post("api/v1/incidents/\(incidentId)/restoration", ["cause": " "], token: dispatch)
                        .errorFields() == ["cause"])
            let restored = try await outage.post("api/v1/incidents/\(incidentId)/restoration",
                                                 ["cause": "Cây đổ vào đường dây trung thế"], token: dispatch).expect(200)
            #expect(restored["status"] as? String == "restored")
            #expect((restored["reports"] as? [Any])?.count == 4)

            let notices = try await outage.awaitSent(SendOutageNotice.routingKey, count: 3)
            #expect(notices.count == 3, "three reporters, one of them twice")
            #expect(Set(notices.compactMap { $0["phone"] as? String }).count == 3)
            #expect(notices.allSatisfy { $0["notice"] as? String == "restored" && $0["reference"] as? String == incidentId })
            #expect(notices.allSatisfy { $0["reason"] as? String == "Cây đổ vào đường dây trung thế" })
            let event = try #require(try await outage.awaitSent(IncidentRestored.routingKey).first)
            #expect(event["reporterCount"] as? Int == 3)

            #expect(try await outage.post("api/v1/incidents/\(incidentId)/restoration", ["cause": "lần nữa"],
                                          token: dispatch).status == 409)
            #expect(try await outage.post("api/v1/incidents/\(incidentId)/crew", ["crew": "Tổ 3"], token: dispatch).status == 409)

            // Power fails again after the restoration: a new incident.
            try await outage.send(Samples.report(5))
            try await eventually("the fifth report filed") { try await outage.count("outage_reports") == 5 }
            #expect(try await outage.incidents().count == 1)
            #expect(try await outage.incidents(restored: true).count == 1)
            #expect(try await outage.sent(SendOutageNotice.routingKey).count == 3)
        }
    }

    @Test func anotherBranchsDispatchNeitherSeesNorRestoresTheIncident() async throws {
        try await OutageHarness.run { outage in
            try await outage.send(Samples.report(1))
            try await eventually("the report filed") { try await outage.count("outage_reports") == 1 }
            let incidentId = try #require(try await outage.incidents().first?["incidentId"] as? String)
            let outsider = try await outage.token(.dispatcher, unit: Samples.otherBranch)
            #expect(try await outage.incidents(branch: Samples.otherBranch).isEmpty)
            #expect(try await outage.get("api/v1/incidents/\(incidentId)", token: outsider).status == 403)
            #expect(try await outage.post("api/v1/incidents/\(incidentId)/restoration", ["cause": "Sự cố"],
                                          token: outsider).status == 403)
            let desk = try await outage.token(.customerService, unit: Samples.branch)
            #expect(try await outage.get("api/v1/incidents", token: desk).status == 403)
            #expect(try await outage.get("api/v1/incidents/SC-PC05TK-999999",
                                         token: try await outage.token(.dispatcher, unit: Samples.branch)).status == 404)
        }
    }

    @Test func aReportWithoutAMobileNumberIsDeadLetteredAndTheServiceGoesOn() async throws {
        try await OutageHarness.run { outage in
            try await outage.send(Samples.report(1, phone: "+1555000111"))
            try await outage.send(Samples.report(2))
            try await eventually("the good report filed") { try await outage.count("outage_reports") == 1 }
            try await eventually("the bad one dead-lettered") { try await outage.broker.queueDepth("outage.dead") == 1 }
        }
    }

    @Test func theStoreAndTheLogsHoldNoPhoneNumberInTheClear() async throws {
        try await OutageHarness.run { outage in
            _ = try await outage.loadSupplyPoints(Samples.supplyPoints)
            try await outage.send(Samples.report(1, phone: "+84912340001"))
            let logs = outage.logs.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            try await eventually("the report filed") { try await outage.count("outage_reports") == 1 }
            let bytes = try outage.storeBytes()
            for number in ["912340001", "905000001", "905000003"] {
                #expect(bytes.range(of: Data(number.utf8)) == nil, "\(number) is in the store in the clear")
                #expect(!logs.contains(number), "\(number) is in the logs")
            }
        }
    }
}
