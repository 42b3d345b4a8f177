import Contracts
import Foundation
import HummingbirdTesting
import Metering
import Testing
import WorkingCalendar

/// metering's staff routes on a stocked meter, a work order and a meter visit of the home branch.
enum MeteringRouteProbes {
    static func make(_ service: InProcessService<MeteringService>, _ client: any TestClientProtocol) async throws
        -> [String: StaffRouteProbe] {
        let home = StaffRouteMatrix<MeteringService>.home
        let stock = try await service.token(.meterStock, unit: home)
        let technician = try await service.token(.fieldTechnician, unit: home)
        _ = try await client.send(.post, "/api/v1/meters", token: stock, json: meter("VN1P-250001")).object()
        let requestCode = "\(home)-251124-000001"
        try await service.deliver(
            InstallMeter(requestCode: requestCode, requestKind: .newLowVoltageConnection, branchCode: home, phase: .single,
                         site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                                    branchCode: home, areaClass: .urban), split: nil),
            correlationId: requestCode)
        let orders = try await client.send(.get, "/api/v1/work-orders?requestCode=\(requestCode)", token: technician)
            .object()["workOrders"] as? [[String: Any]]
        let workOrderId = try #require(orders?.first?["workOrderId"] as? String)
        let visitCode = "\(home)-251124-000002"
        try await service.deliver(
            VisitMeter(requestCode: visitCode, branchCode: home, customerCode: "\(home)0012345", purpose: .inspection),
            correlationId: visitCode)
        let visits = try await client.send(.get, "/api/v1/meter-visits?requestCode=\(visitCode)", token: technician)
            .object()["meterVisits"] as? [[String: Any]]
        let visitId = try #require(visits?.first?["visitId"] as? String)
        return [
            "GET /api/v1/meters": StaffRouteProbe(duty: .meterStock, uri: "/api/v1/meters?branchCode=\(home)"),
            "POST /api/v1/meters": StaffRouteProbe(
                duty: .meterStock, uri: "/api/v1/meters",
                body: try String(json: meter("VN1P-250002").merging(["branchCode": home]) { $1 })),
            "GET /api/v1/work-orders": StaffRouteProbe(
                duty: .fieldWork, uri: "/api/v1/work-orders?requestCode=\(requestCode)"),
            "POST /api/v1/work-orders/{id}/completion": StaffRouteProbe(
                duty: .fieldWork, uri: "/api/v1/work-orders/\(workOrderId)/completion",
                body: #"{"meterSerial": "VN1P-250001", "initialReadingKWh": 0, "sealNumbers": ["S-001"]}"#),
            "GET /kho-cong-to": StaffRouteProbe(duty: .meterStock, uri: "/kho-cong-to", refusal: .notListed(marker: "VN1P-250001")),
            "POST /kho-cong-to": StaffRouteProbe(
                duty: .meterStock, uri: "/kho-cong-to", body: StaffRouteProbe.formBody(meter("VN1P-250003").merging(["branchCode": home]) { $1 }),
                contentType: StaffRouteProbe.form),
            "GET /lenh-cong-tac": StaffRouteProbe(duty: .fieldWork, uri: "/lenh-cong-tac", refusal: .notListed(marker: workOrderId)),
            "GET /lenh-cong-tac/{workOrderId}": StaffRouteProbe(duty: .fieldWork, uri: "/lenh-cong-tac/\(workOrderId)"),
            "POST /lenh-cong-tac/{workOrderId}": StaffRouteProbe(
                duty: .fieldWork, uri: "/lenh-cong-tac/\(workOrderId)",
                body: "meterSerial=VN1P-250001&initialReadingKWh=0&sealNumbers%5B0%5D=S-002", contentType: StaffRouteProbe.form),
            "GET /kiem-tra-cong-to/{visitId}": StaffRouteProbe(duty: .fieldWork, uri: "/kiem-tra-cong-to/\(visitId)"),
            "POST /kiem-tra-cong-to/{visitId}": StaffRouteProbe(
                duty: .fieldWork, uri: "/kiem-tra-cong-to/\(visitId)",
                body: StaffRouteProbe.formBody(["meterSerial": "VN1P-240777", "readingKWh": 1520, "measuredErrorPercent": "0.4",
                                                "accuracyClass": 1]),
                contentType: StaffRouteProbe.form),
            "POST /api/v1/work-orders/{id}/assignment": StaffRouteProbe(
                duty: .assigningFieldWork, uri: "/api/v1/work-orders/\(workOrderId)/assignment",
                body: #"{"technicianId": "tk-kt-01"}"#),
            "POST /api/v1/meter-visits/{id}/assignment": StaffRouteProbe(
                duty: .assigningFieldWork, uri: "/api/v1/meter-visits/\(visitId)/assignment",
                body: #"{"technicianId": "tk-kt-01"}"#),
            "GET /giao-viec": StaffRouteProbe(duty: .assigningFieldWork, uri: "/giao-viec", refusal: .notListed(marker: workOrderId)),
            "POST /giao-viec/lenh-cong-tac/{jobId}": StaffRouteProbe(
                duty: .assigningFieldWork, uri: "/giao-viec/lenh-cong-tac/\(workOrderId)", body: "technicianId=tk-kt-01",
                contentType: StaffRouteProbe.form),
            "POST /giao-viec/kiem-tra-cong-to/{jobId}": StaffRouteProbe(
                duty: .assigningFieldWork, uri: "/giao-viec/kiem-tra-cong-to/\(visitId)", body: "technicianId=tk-kt-01",
                contentType: StaffRouteProbe.form),
            "GET /api/v1/meter-visits": StaffRouteProbe(
                duty: .fieldWork, uri: "/api/v1/meter-visits?requestCode=\(visitCode)"),
            "POST /api/v1/meter-visits/{id}/result": StaffRouteProbe(
                duty: .fieldWork, uri: "/api/v1/meter-visits/\(visitId)/result",
                body: #"{"meterSerial": "VN1P-240777", "readingKWh": 1520, "measuredErrorPercent": 0.4, "accuracyClass": 1.0}"#),
        ]
    }

    /// A `POST /api/v1/meters` body: verified a month ago, valid for a year.
    static func meter(_ serial: String) -> [String: Any] {
        ["serial": serial, "phase": 1, "verifiedOn": CalendarDay(Date()).adding(days: -30).description,
         "verificationValidUntil": CalendarDay(Date()).adding(days: 365).description]
    }
}
