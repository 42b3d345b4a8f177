import Contracts
import Foundation
import Testing

/// `POST /api/v1/work-orders/{id}/completion` as field staff use it, and `metering.meter.installed` on the wire.
@Suite struct CompletionTests {
    /// Stocks one single-phase meter and opens a work order for it; returns the order's id.
    private func openOrder(_ metering: MeteringHarness, requestCode: String) async throws -> String {
        let keeper = try await metering.token(.meterStock, unit: Samples.branch)
        #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-0001"), token: keeper).status == 201)
        try await metering.send(Samples.installMeter(requestCode))
        let opened = try #require(try await metering.awaitSent(WorkOrderOpened.routingKey).first)
        return try #require(opened["workOrderId"] as? String)
    }

    @Test func completionInstallsTheReservedMeterOnTheCommunesReadingRoute() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await openOrder(metering, requestCode: "PC05TK-251124-000010")
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            let path = "api/v1/work-orders/\(orderId)/completion"
            let body: [String: Any] = ["meterSerial": "TK-1P-0001", "initialReadingKWh": 0,
                                       "sealNumbers": ["NP-123456", "NP-123457"]]

            let answer = try await metering.post(path, body, token: technician)
            #expect(answer.status == 200)
            #expect(try answer.json()["status"] as? String == "completed")

            let installed = try #require(try await metering.awaitSent(MeterInstalled.routingKey).first)
            #expect(installed["workOrderId"] as? String == orderId)
            #expect(installed["requestCode"] as? String == "PC05TK-251124-000010")
            #expect(installed["meterSerial"] as? String == "TK-1P-0001")
            #expect(installed["initialReadingKWh"] as? Int == 0)
            #expect(installed["sealNumbers"] as? [String] == ["NP-123456", "NP-123457"])
            #expect(installed["readingRoute"] as? String == "TK-R07")
            #expect(installed["readingDay"] as? Int == 14)

            #expect(try await metering.post(path, body, token: technician).status == 409)
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            let meters = try await metering.get("api/v1/meters", token: keeper).json()["meters"] as? [[String: Any]]
            #expect(meters?.first?["status"] as? String == "installed")
            #expect(try await metering.sent(MeterInstalled.routingKey).count == 1)
        }
    }

    @Test func aMeterOtherThanTheReservedOneOrABadReportIsRefused() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await openOrder(metering, requestCode: "PC05TK-251124-000011")
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            let path = "api/v1/work-orders/\(orderId)/completion"

            let wrongMeter = try await metering.post(path, ["meterSerial": "TK-1P-9999", "initialReadingKWh": 3,
                                                            "sealNumbers": ["NP-1"]], token: technician)
            #expect(wrongMeter.status == 422)
            #expect(try wrongMeter.errorFields() == ["meterSerial"])
            let error = try #require((try wrongMeter.json()["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "meter.not_reserved_for_work_order")
            #expect((error["message"] as? [String: String])?["vi"]?.contains("TK-1P-0001") == true)

            let badReport = try await metering.post(path, ["meterSerial": "TK-1P-0001", "initialReadingKWh": -1,
                                                           "sealNumbers": ["NP-1", " ", "NP-3", "NP-4", "NP-5"]],
                                                    token: technician)
            #expect(badReport.status == 422)
            #expect(try badReport.errorFields() == ["initialReadingKWh", "sealNumbers", "sealNumbers[1]"])

            #expect(try await metering.post("api/v1/work-orders/WO-PC05TK-999999/completion",
                                            ["meterSerial": "TK-1P-0001"], token: technician).status == 404)
            #expect(try await metering.sent(MeterInstalled.routingKey).isEmpty)
        }
    }

    @Test func anotherBranchsTechnicianCannotSeeNorCompleteTheOrder() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await openOrder(metering, requestCode: "PC05TK-251124-000012")
            let outsider = try await metering.token(.fieldTechnician, unit: Samples.otherBranch)

            #expect(try await metering.get("api/v1/work-orders?requestCode=PC05TK-251124-000012", token: outsider).status == 403)
            let listed = try await metering.get("api/v1/work-orders", token: outsider).json()["workOrders"] as? [[String: Any]]
            #expect(listed?.isEmpty == true)
            let answer = try await metering.post("api/v1/work-orders/\(orderId)/completion", [
                "meterSerial": "TK-1P-0001", "initialReadingKWh": 0, "sealNumbers": ["NP-1"],
            ], token: outsider)
            #expect(answer.status == 403)
            #expect(try await metering.sent(MeterInstalled.routingKey).isEmpty)
        }
    }
}
