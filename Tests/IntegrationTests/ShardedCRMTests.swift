import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing

/// crm split by provincial power company on one machine: shard `pcdn` owns Đà Nẵng's branches
/// (`PCDN…`), shard `pc05` Quảng Nam's (`PC05…`). Each consumes its own queue, which the broker
/// fills with its own company's events only, and keeps its own store; every ticket is opened and
/// handled by exactly one shard, and the portal's look-ups are answered by the shard that owns
/// the request (docs/scaling.md).
@Suite(.serialized) struct ShardedCRMTests {
    static let shards = ["crm.pcdn": "PCDN", "crm.pc05": "PC05"]

    @Test func everyTicketIsHandledByExactlyTheShardOwningItsBranch() async throws {
        let services = ["intake", "crm.pcdn", "crm.pc05", "households", "notification"]
        try await Platform.run("shards", services: services, shards: Self.shards) { platform in
            let places = [("20350", "PC05TK"), ("20395", "PC05HA"), ("20236", "PCDNHC"), ("20317", "PCDNHV"),
                          ("20356", "PC05TK"), ("20281", "PCDNST")]
            var journeys: [Journey] = []
            for (commune, branch) in places {
                journeys.append(try await Journey.file(
                    SampleCustomer.make(communeCode: commune, branchCode: branch, households: 1), on: platform))
            }
            let holder = SampleCustomer.make(communeCode: "20236", branchCode: "PCDNHC", households: 1)
            let inspection = try await ServiceRequestJourney.file("meter_inspection", customerCode: "PCDNHC0000042",
                                                                  by: holder, on: platform)
            let codes = journeys.map(\.requestCode) + [inspection.requestCode]

            let corporation = try await platform.staff.token(.customerService, unit: StaffClaims.corporationUnit)
            var held: [String: Set<String>] = [:]
            try await eventually("both shards opened their tickets (\(held))") {
                for shard in Self.shards.keys {
                    let list = try await platform.http.call(.GET, "\(platform.url(shard))/api/v1/tickets",
                                                            token: corporation).expect(200)
                    held[shard] = Set((list["tickets"] as? [[String: Any]] ?? []).compactMap { $0["requestCode"] as? String })
                }
                return held.values.reduce(0) { $0 + $1.count } == codes.count
            }
            for code in codes {
                let owners = Self.shards.keys.filter { held[$0]?.contains(code) == true }
                let expected = code.hasPrefix("PCDN") ? "crm.pcdn" : "crm.pc05"
                #expect(owners == [expected], "\(code) is held by \(owners)")
            }

            // The tracking page hears from the owning shard: crm's timeline, with its due date.
            for journey in journeys {
                var answer: [String: Any] = [:]
                try await eventually("\(journey.requestCode) is tracked with crm's timeline") {
                    answer = try await journey.track().expect(200)
                    return answer["dueDate"] is String
                }
                #expect((answer["branch"] as? [String: Any])?["code"] as? String == String(journey.requestCode.prefix(6)))
            }

            // The stores are the shards' own.
            let data = platform.folder.appendingPathComponent("data")
            for name in ["crm-pcdn.sqlite", "crm-pc05.sqlite"] {
                #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent(name).path), "\(name)")
            }
            // Each shard's queue took only its own company's events: the broker binds it to no
            // other company's keys, and the shard never received a message it does not own.
            for (shard, company) in Self.shards {
                let keys = try await platform.broker.bindingKeys(of: "\(shard).inbox", from: "evn.events")
                #expect(keys.contains("intake.request.submitted.\(company)"), "\(shard) binds \(keys)")
                let foreign = keys.filter { $0.split(separator: ".").count > 3 && !$0.hasSuffix(".\(company)") }
                #expect(foreign.isEmpty, "\(shard) also binds \(foreign)")
                let metrics = try await platform.http.call(.GET, "\(platform.url(shard))/metrics")
                let consumed = metrics.metric("messages_consumed_total{service=\"\(shard)\"}")
                #expect((consumed ?? 0) >= Double(held[shard]?.count ?? 0), "\(shard) consumed \(consumed ?? 0)")
                #expect(metrics.metric("messages_not_owned_total{service=\"\(shard)\"}") == 0,
                        "\(shard) received another shard's messages:\n\(metrics.text)")
            }
            for (shard, _) in Self.shards {
                let log = try platform.service(shard).log()
                for code in codes where !(held[shard]?.contains(code) ?? false) {
                    let opened = log.split(separator: "\n").filter { $0.contains("ticket opened") && $0.contains(code) }
                    #expect(opened.isEmpty, "\(shard) opened \(code), another shard's")
                }
            }
        }
    }
}
