import Contracts
import Foundation
import HummingbirdTesting
import Outage
import StaffAuth
import Testing
import WorkingCalendar

/// outage's staff routes on a planned outage, an incident and a supply point of the home branch.
enum OutageRouteProbes {
    static let tamKy = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "1900 1909")

    static func make(_ service: InProcessService<OutageService>, _ client: any TestClientProtocol) async throws
        -> [String: StaffRouteProbe] {
        let home = StaffRouteMatrix<OutageService>.home
        let token = try await service.token(.dispatcher, unit: home)
        let planned = try await client.send(.post, "/api/v1/planned-outages", token: token, json: plannedOutage(days: 8))
            .object()["plannedOutage"] as? [String: Any]
        let plannedId = try #require(planned?["plannedOutageId"] as? String)
        let report = RecordOutageReport(
            reportCode: "\(home)-261202-000001", channel: .web, branch: tamKy, communeCode: "20356", customerCode: nil,
            phone: "+84901000001", note: "Mất điện cả xóm", reportedAt: Date(timeIntervalSince1970: 1_764_000_000))
        try await service.deliver(report, correlationId: report.reportCode)
        let incidents = try await client.send(.get, "/api/v1/incidents", token: token).object()["incidents"] as? [[String: Any]]
        let incidentId = try #require(incidents?.first?["incidentId"] as? String)
        let supplyPoints = "customer_code,branch,commune_code,station_code,phone\r\n\(home)0000001,\(home),20356,TBA-AM1,0905000001\r\n"
        return [
            "GET /api/v1/incidents": StaffRouteProbe(duty: .outageDesk, uri: "/api/v1/incidents?branchCode=\(home)"),
            "GET /api/v1/incidents/{id}": StaffRouteProbe(duty: .outageDesk, uri: "/api/v1/incidents/\(incidentId)"),
            "POST /api/v1/incidents/{id}/crew": StaffRouteProbe(
                duty: .outageDesk, uri: "/api/v1/incidents/\(incidentId)/crew", body: #"{"crew": "Tổ 2"}"#),
            "POST /api/v1/incidents/{id}/restoration": StaffRouteProbe(
                duty: .outageDesk, uri: "/api/v1/incidents/\(incidentId)/restoration", body: #"{"cause": "Đứt dây"}"#),
            "GET /api/v1/planned-outages": StaffRouteProbe(duty: .outageDesk, uri: "/api/v1/planned-outages?branchCode=\(home)"),
            "POST /api/v1/planned-outages": StaffRouteProbe(
                duty: .outageDesk, uri: "/api/v1/planned-outages",
                body: try String(json: plannedOutage(days: 10).merging(["branchCode": home]) { $1 })),
            "PUT /api/v1/planned-outages/{id}": StaffRouteProbe(
                duty: .outageDesk, uri: "/api/v1/planned-outages/\(plannedId)", body: try String(json: plannedOutage(days: 9))),
            "POST /api/v1/planned-outages/{id}/cancellation": StaffRouteProbe(
                duty: .outageDesk, uri: "/api/v1/planned-outages/\(plannedId)/cancellation",
                body: #"{"reason": "Hoãn theo lịch điều độ"}"#),
            "GET /su-co": StaffRouteProbe(duty: .outageDesk, uri: "/su-co", refusal: .notListed(marker: incidentId)),
            "GET /su-co/{incidentId}": StaffRouteProbe(duty: .outageDesk, uri: "/su-co/\(incidentId)"),
            "POST /su-co/{incidentId}/{action}": StaffRouteProbe(
                duty: .outageDesk, uri: "/su-co/\(incidentId)/to-sua-chua", body: StaffRouteProbe.formBody(["crew": "Tổ 2"]),
                contentType: StaffRouteProbe.form),
            "GET /cat-dien-ke-hoach": StaffRouteProbe(
                duty: .outageDesk, uri: "/cat-dien-ke-hoach", refusal: .notListed(marker: plannedId)),
            "POST /cat-dien-ke-hoach": StaffRouteProbe(
                duty: .outageDesk, uri: "/cat-dien-ke-hoach",
                body: StaffRouteProbe.formBody(plannedOutage(days: 11).mapValues { value in
                    (value as? [String])?.joined(separator: ",") ?? value
                }.merging(["branchCode": home]) { $1 }),
                contentType: StaffRouteProbe.form),
            "GET /diem-cap-dien": StaffRouteProbe(duty: .outageDesk, uri: "/diem-cap-dien", refusal: .blankForm),
            "POST /diem-cap-dien": StaffRouteProbe(
                duty: .outageDesk, uri: "/diem-cap-dien", body: StaffRouteProbe.formBody(["csv": supplyPoints]),
                contentType: StaffRouteProbe.form, refusal: .rowsRefused(marker: "auth.other_unit")),
            "POST /api/v1/supply-points": StaffRouteProbe(
                duty: .outageDesk, uri: "/api/v1/supply-points", body: supplyPoints, contentType: "text/csv",
                refusal: .rowsRefused(marker: "auth.other_unit")),
        ]
    }

    /// A planned outage of Phường An Mỹ (Tam Kỳ), `days` from now, four hours long.
    static func plannedOutage(days: Double) -> [String: Any] {
        var style = Date.ISO8601FormatStyle(timeZone: CalendarDay.vietnamTimeZone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        let start = Date().addingTimeInterval(days * 86_400).formatted(style)
        let end = Date().addingTimeInterval(days * 86_400 + 4 * 3600).formatted(style)
        return ["communeCodes": ["20356"], "location": "Phường An Mỹ, Tam Kỳ", "reason": "Thay máy biến áp TBA-AM1",
                "startsAt": start, "endsAt": end]
    }
}
