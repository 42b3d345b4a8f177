import Contracts
import Foundation
import TestSupport
import Testing

/// `metering.install-meter`: a work order per request, a verified meter reserved for it.
@Suite struct InstallationTests {
    @Test func theOrderReservesTheSoonestExpiringMeterThatStaysValidUntilInstallation() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            for meter in [
                Samples.meter("TK-3P-0001", phase: 3, validFor: 100),
                Samples.meter("TK-1P-EXPIRED", validFor: -1),
                Samples.meter("TK-1P-ENDS-SOON", validFor: 5),
                Samples.meter("TK-1P-TWO-YEARS", validFor: 730),
                Samples.meter("TK-1P-ONE-YEAR", validFor: 365),
            ] {
                #expect(try await metering.post("api/v1/meters", meter, token: keeper).status == 201)
            }

            try await metering.send(Samples.installMeter("PC05TK-251124-000001"))

            let opened = try #require(try await metering.awaitSent(WorkOrderOpened.routingKey).first)
            #expect(opened["meterSerial"] as? String == "TK-1P-ONE-YEAR")
            #expect(opened["requestCode"] as? String == "PC05TK-251124-000001")
            #expect(opened["branchCode"] as? String == Samples.branch)
            #expect((opened["workOrderId"] as? String)?.hasPrefix("WO-PC05TK-") == true)
            let properties = try #require(try await metering.messages(WorkOrderOpened.routingKey).first?["properties"] as? [String: Any])
            #expect(properties["correlation_id"] as? String == "PC05TK-251124-000001")
            #expect(properties["type"] as? String == "metering.work-order.opened.v1")

            let meters = try #require(try await metering.get("api/v1/meters", token: keeper).json()["meters"] as? [[String: Any]])
            let statuses = Dictionary(uniqueKeysWithValues: meters.map { ($0["serial"] as! String, $0["status"] as! String) })
            #expect(statuses == ["TK-3P-0001": "in_stock", "TK-1P-EXPIRED": "in_stock", "TK-1P-ENDS-SOON": "in_stock",
                                 "TK-1P-TWO-YEARS": "in_stock", "TK-1P-ONE-YEAR": "reserved"])
        }
    }

    @Test func aRepeatedCommandOpensNoSecondWorkOrder() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            for serial in ["TK-1P-0001", "TK-1P-0002"] {
                #expect(try await metering.post("api/v1/meters", Samples.meter(serial), token: keeper).status == 201)
            }
            let command = Samples.installMeter("PC05TK-251124-000002")
            try await metering.send(command, messageId: "install-1")
            try await metering.awaitSent(WorkOrderOpened.routingKey)

            try await metering.send(command, messageId: "install-1")
            try await metering.send(command, messageId: "install-2")
            try await eventually("both repeats handled") { try await metering.count("messaging_inbox") == 2 }

            #expect(try await metering.count("metering_work_orders") == 1)
            #expect(try await metering.sent(WorkOrderOpened.routingKey).count == 1)
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            let orders = try await metering.get("api/v1/work-orders", token: technician).json()["workOrders"] as? [[String: Any]]
            #expect(orders?.count == 1)
        }
    }

    @Test func withoutAValidMeterTheOrderWaitsAndTakesTheNextOneReceived() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-EXPIRED", validFor: -10),
                                            token: keeper).status == 201)
            try await metering.send(Samples.installMeter("PC05TK-251124-000003"))

            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            let path = "api/v1/work-orders?requestCode=PC05TK-251124-000003"
            try await eventually("the order waits for a meter") {
                let orders = try await metering.get(path, token: technician).json()["workOrders"] as? [[String: Any]]
                return orders?.first?["status"] as? String == "awaiting_meter"
            }
            #expect(try await metering.sent(WorkOrderOpened.routingKey).isEmpty)

            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-3P-0001", phase: 3), token: keeper).status == 201)
            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-0002"), token: keeper).status == 201)

            let opened = try #require(try await metering.awaitSent(WorkOrderOpened.routingKey).first)
            #expect(opened["meterSerial"] as? String == "TK-1P-0002")
            let order = try #require((try await metering.get(path, token: technician).json()["workOrders"] as? [[String: Any]])?.first)
            #expect(order["status"] as? String == "open")
            #expect(order["meterSerial"] as? String == "TK-1P-0002")
        }
    }
}
