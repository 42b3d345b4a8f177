import Contracts
import Foundation
import Metering
import TestSupport
import Testing

/// Opening the jobs a test works on as a branch does: a meter received on the stock page and
/// an installation order that takes it, or a meter visit crm asks for.
extension ServiceHarness where Definition == MeteringService {
    /// Receives `serial` on the stock page and opens an installation order that takes it; returns the order's id.
    func openOrder(_ requestCode: String, serial: String) async throws -> String {
        let keeper = try await token(.meterStock, unit: Samples.branch)
        let received = try await staffForm("kho-cong-to", [
            "serial": serial, "phase": "1", "verifiedOn": Samples.day(-30), "verificationValidUntil": Samples.day(365),
        ], token: keeper)
        #expect(received.status == 200)
        #expect(PageElement(id: "received", in: received.text)?.inner.contains(serial) == true)
        let before = try await sent(WorkOrderOpened.routingKey).count
        try await send(Samples.installMeter(requestCode))
        let opened = try await awaitSent(WorkOrderOpened.routingKey, count: before + 1)
        let order = try #require(opened.first { $0["requestCode"] as? String == requestCode })
        return try #require(order["workOrderId"] as? String)
    }

    /// Has crm ask for a visit of `purpose` to `customerCode`'s meter; returns the visit's id.
    func openVisit(_ requestCode: String, customerCode: String = "PC05TK0012345",
                   purpose: VisitMeter.Purpose = .verification) async throws -> String {
        try await publish(VisitMeter(requestCode: requestCode, branchCode: Samples.branch, customerCode: customerCode,
                                     purpose: purpose),
                          correlationId: requestCode, appId: "crm")
        let technician = try await token(.fieldTechnician, unit: Samples.branch)
        var visitId: String?
        try await eventually("the visit is open") {
            let visits = try await get("api/v1/meter-visits?requestCode=\(requestCode)", token: technician)
                .json()["meterVisits"] as? [[String: Any]]
            visitId = visits?.first?["visitId"] as? String
            return visitId != nil
        }
        return try #require(visitId)
    }
}
