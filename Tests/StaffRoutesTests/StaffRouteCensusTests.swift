import CRM
import Foundation
import Households
import Hummingbird
import HummingbirdTesting
import Intake
import Metering
import Notification
import Outage
import ServiceKit
import Testing

/// Every route of every service, as its router lists it, is either one the public may use or
/// refuses a caller without a staff token: 401 from the API, a redirect to the sign-in page
/// from a staff page. A route added without a token check fails here until it checks one or
/// is declared public.
@Suite struct StaffRouteCensusTests {
    /// The routes meant for the public, by service: the portal, the customer API and its
    /// look-ups, and every service's sign-in page and assets. Every other route is a staff route.
    static let publicRoutes: [String: Set<String>] = [
        IntakeService.name: [
            "GET /", "GET /api/v1/openapi.json", "GET /api/v1/planned-outages", "GET /api/v1/reading-schedule",
            "GET /api/v1/tariff/estimate", "POST /api/v1/outage-reports", "POST /api/v1/requests",
            "POST /api/v1/requests/{code}/signature", "POST /api/v1/requests/{code}/signing-code",
            "POST /api/v1/requests/{code}/tracking", "POST /api/v1/service-requests",
            "GET /bao-mat-dien", "POST /bao-mat-dien", "GET /ky-hop-dong", "POST /ky-hop-dong", "POST /ky-hop-dong/ma-moi",
            "POST /ky-hop-dong/xem",
            "GET /lich-cat-dien",
            "GET /lich-ghi-chi-so", "GET /track/{code}", "GET /tra-cuu", "POST /tra-cuu",
            "GET /uoc-tinh-tien-dien",
            "GET /yeu-cau/cap-dien-moi", "POST /yeu-cau/cap-dien-moi", "GET /yeu-cau/dich-vu",
            "GET /yeu-cau/dich-vu/{kind}", "POST /yeu-cau/dich-vu/{kind}", "GET /yeu-cau/{code}/da-nhan",
        ],
    ]
    static let signInAndAssets: Set<String> = ["GET /dang-nhap", "POST /dang-nhap"]

    /// What a path's captures are filled with: a value of the right form, so that a route
    /// reading its capture before the token still reaches the token check.
    static let captures = ["ref": "SH-1", "kind": "meter_inspection", "code": "PC05TK-251124-000001"]

    /// The service's own routes (health, readiness and metrics are ServiceKit's), each with
    /// what an anonymous caller gets: the status and, for a redirect, where to.
    static func anonymousAnswers<Definition: ServiceDefinition>(_: Definition.Type) async throws -> [String: String] {
        let service = try InProcessService<Definition>()
        let routes = service.routes
        return try await Application(router: service.router()).test(.router) { client in
            var answers: [String: String] = [:]
            for route in routes {
                let path = route.path.split(separator: "/").map { part in
                    part.hasPrefix("{") ? captures[String(part.dropFirst().dropLast()), default: "X"] : String(part)
                }.joined(separator: "/")
                let response = try await client.execute(uri: "/" + path, method: route.method, body: ByteBuffer(string: "{}"))
                answers[route.name] = "\(response.status.code)" + (response.headers[.location].map { " \($0)" } ?? "")
            }
            return answers
        }
    }

    @Test(arguments: [
        IntakeService.name, CRMService.name, MeteringService.name, HouseholdsService.name, OutageService.name,
        NotificationService.name,
    ])
    func everyRouteThatIsNotPublicRefusesACallerWithoutAStaffToken(service: String) async throws {
        let answers = switch service {
        case IntakeService.name: try await Self.anonymousAnswers(IntakeService.self)
        case CRMService.name: try await Self.anonymousAnswers(CRMService.self)
        case MeteringService.name: try await Self.anonymousAnswers(MeteringService.self)
        case HouseholdsService.name: try await Self.anonymousAnswers(HouseholdsService.self)
        case OutageService.name: try await Self.anonymousAnswers(OutageService.self)
        default: try await Self.anonymousAnswers(NotificationService.self)
        }
        let open = Self.publicRoutes[service, default: []].union(Self.signInAndAssets)
        let staffRoutes = answers.filter { !open.contains($0.key) && !$0.key.hasPrefix("GET /assets/") }
        #expect(!staffRoutes.isEmpty || service == IntakeService.name)
        for (route, answer) in staffRoutes.sorted(by: { $0.key < $1.key }) {
            #expect(answer == "401" || answer.hasPrefix("303 /dang-nhap?next="),
                    "\(service) \(route) answers \(answer) to a caller without a staff token")
        }
        #expect(Set(answers.keys).isSuperset(of: Self.publicRoutes[service, default: []]),
                "every declared public route exists")
    }
}
