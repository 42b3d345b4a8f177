import Contracts
import Foundation
import TestSupport
import Testing

/// A work order that splits a sub-household off a shared meter: shown to field staff, and
/// announced as `metering.meter.split` beside `metering.meter.installed` when completed.
@Suite struct MeterSplitTests {
    /// Stocks one meter, sends `command` and completes its order through the API; returns the order's id.
    private func install(
        _ metering: MeteringHarness, _ command: InstallMeter, messageId: String = UUID().uuidString.lowercased()
    ) async throws -> String {
        let keeper = try await metering.token(.meterStock, unit: Samples.branch)
        #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-0101"), token: keeper).status == 201)
        try await metering.send(command, messageId: messageId)
        let opened = try #require(try await metering.awaitSent(WorkOrderOpened.routingKey).first)
        let orderId = try #require(opened["workOrderId"] as? String)
        let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
        let answer = try await metering.post("api/v1/work-orders/\(orderId)/completion", [
            "meterSerial": "TK-1P-0101", "initialReadingKWh": 2, "sealNumbers": ["NP-200001"],
        ], token: technician)
        #expect(answer.status == 200)
        try await metering.awaitSent(MeterInstalled.routingKey)
        return orderId
    }

    @Test func completingASplitOrderAnnouncesTheSplitBesideTheInstallation() async throws {
        try await MeteringHarness.run { metering in
            let requestCode = "PC05TK-251124-000020"
            let orderId = try await install(metering, Samples.installMeter(requestCode, split: Samples.split),
                                            messageId: "install-split-1")

            let split = try #require(try await metering.awaitSent(MeterSplit.routingKey).first)
            #expect(split["workOrderId"] as? String == orderId)
            #expect(split["requestCode"] as? String == requestCode)
            #expect(split["sharedCustomerCode"] as? String == "PC05TK0012345")
            #expect(split["subHouseholdId"] as? String == "HS-PC05TK-000007-02")
            #expect(split["newCustomerCode"] as? String == "PC05TK0012399")
            #expect(split["newMeterSerial"] as? String == "TK-1P-0101")
            let installed = try #require(try await metering.sent(MeterInstalled.routingKey).first)
            #expect(split["splitAt"] as? String == installed["installedAt"] as? String)

            let installedProperties = try #require(try await metering.messages(MeterInstalled.routingKey).first?["properties"] as? [String: Any])
            let splitProperties = try #require(try await metering.messages(MeterSplit.routingKey).first?["properties"] as? [String: Any])
            #expect(splitProperties["type"] as? String == "metering.meter.split.v1")
            #expect(splitProperties["correlation_id"] as? String == requestCode)
            let installedHeaders = installedProperties["headers"] as? [String: Any]
            let splitHeaders = splitProperties["headers"] as? [String: Any]
            #expect(splitHeaders?["causation-id"] as? String == "install-split-1")
            #expect(installedHeaders?["causation-id"] as? String == "install-split-1")
            #expect(try await metering.sent(MeterSplit.routingKey).count == 1)
        }
    }

    @Test func anOrderWithoutASplitAnnouncesOnlyTheInstallation() async throws {
        try await MeteringHarness.run { metering in
            _ = try await install(metering, Samples.installMeter("PC05TK-251124-000021"))

            #expect(try await metering.sent(MeterInstalled.routingKey).count == 1)
            #expect(try await metering.sent(MeterSplit.routingKey).isEmpty)
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            let orders = try await metering.get("api/v1/work-orders", token: technician).json()["workOrders"] as? [[String: Any]]
            #expect(orders?.first?["split"] == nil)
        }
    }

    @Test func fieldStaffSeeTheSplitInTheWorkOrderList() async throws {
        try await MeteringHarness.run { metering in
            try await metering.send(Samples.installMeter("PC05TK-251124-000022", split: Samples.split))
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)

            try await eventually("the order is listed") {
                let orders = try await metering.get("api/v1/work-orders", token: technician).json()["workOrders"] as? [[String: Any]]
                return orders?.count == 1
            }
            let orders = try await metering.get("api/v1/work-orders", token: technician).json()["workOrders"] as? [[String: Any]]
            let split = try #require(orders?.first?["split"] as? [String: Any])
            #expect(split["sharedCustomerCode"] as? String == "PC05TK0012345")
            #expect(split["subHouseholdId"] as? String == "HS-PC05TK-000007-02")
            #expect(split["newCustomerCode"] as? String == "PC05TK0012399")
        }
    }

    @Test func anIncompleteSplitOpensNoWorkOrder() async throws {
        try await MeteringHarness.run { metering in
            let broken = InstallMeter.Split(sharedCustomerCode: "PC05TK0012345", subHouseholdId: " ",
                                            newCustomerCode: "PC05TK0012399")
            try await metering.send(Samples.installMeter("PC05TK-251124-000023", split: broken))
            try await metering.send(Samples.installMeter("PC05TK-251124-000024"))

            try await eventually("the broken command is dead-lettered") {
                metering.logs.all.contains { line in
                    line.message == "message dead-lettered" && line.metadata["reason"]?.contains("incomplete split") == true
                }
            }
            try await eventually("the valid command is handled") { try await metering.count("metering_work_orders") == 1 }
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            let refused = try await metering.get("api/v1/work-orders?requestCode=PC05TK-251124-000023", token: technician)
            #expect((try refused.json()["workOrders"] as? [[String: Any]])?.isEmpty == true)
        }
    }
}
