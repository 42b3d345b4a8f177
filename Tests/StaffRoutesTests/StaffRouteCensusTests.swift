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
import StaffAuth
import StaffTokenIssuing
import Testing

/// Every route of every service, as its router lists it, is either one the public may use or
/// refuses a caller without a staff token: 401 from the API, a redirect to the staff sign-in's
/// renewal from a staff page. A route added without a token check fails here until it checks
/// one or is declared public. No service has a sign-in page of its own.
@Suite struct StaffRouteCensusTests {
    /// The routes meant for the public, by service: the portal, the customer API and its
    /// look-ups, and every service's assets. Every other route is a staff route.
    static let publicRoutes: [String: Set<String>] = [
        IntakeService.name: [
            "GET /", "GET /api/v1/openapi.json", "GET /api/v1/planned-outages", "GET /api/v1/reading-schedule",
            "GET /api/v1/tariff/estimate", "POST /api/v1/outage-reports", "POST /api/v1/requests",
            "POST /api/v1/requests/{code}/attachments", "POST /api/v1/requests/{code}/signature",
            "POST /api/v1/requests/{code}/signed-copy", "POST /api/v1/requests/{code}/signing-code",
            "POST /api/v1/requests/{code}/tracking", "POST /api/v1/service-requests",
            "GET /bao-mat-dien", "POST /bao-mat-dien", "GET /ky-hop-dong", "POST /ky-hop-dong", "POST /ky-hop-dong/ma-moi",
            "POST /ky-hop-dong/xem", "POST /ky-hop-dong/ban-da-ky",
            "GET /lich-cat-dien", "GET /ho-dung-chung", "POST /ho-dung-chung",
            "GET /lich-ghi-chi-so", "GET /track/{code}", "GET /tra-cuu", "POST /tra-cuu",
            "GET /uoc-tinh-tien-dien",
            "GET /yeu-cau/cap-dien-moi", "POST /yeu-cau/cap-dien-moi", "GET /yeu-cau/dich-vu",
            "GET /yeu-cau/dich-vu/{kind}", "POST /yeu-cau/dich-vu/{kind}", "GET /yeu-cau/{code}/da-nhan",
            "GET /yeu-cau/{code}/dinh-kem", "POST /yeu-cau/{code}/dinh-kem",
            // The SMS gateway's and the PBX's webhooks: signed with a shared secret instead of a staff token.
            "POST /api/webhooks/sms", "POST /api/webhooks/telephony/calls",
        ],
    ]
    /// What a caller without a token the service accepts gets: the API's 401, or a staff page's
    /// 303 to the staff sign-in's renewal (development's `STAFF_SIGN_IN_URL`).
    static func turnedAway(_ answer: String) -> Bool {
        answer == "401" || answer.hasPrefix("303 http://localhost:8087/gia-han?next=")
    }

    /// What a path's captures are filled with: a value of the right form, so that a route
    /// reading its capture before the token still reaches the token check.
    static let captures = ["ref": "SH-1", "kind": "meter_inspection", "code": "PC05TK-251124-000001"]

    /// `path` (a route's, with `{capture}` parts) with its captures filled from ``captures``, as
    /// a caller would ask for it.
    static func requestPath(_ path: some StringProtocol) -> String {
        "/" + path.split(separator: "/").map { part in
            part.hasPrefix("{") ? captures[String(part.dropFirst().dropLast()), default: "X"] : String(part)
        }.joined(separator: "/")
    }

    /// The service's own routes (health, readiness and metrics are ServiceKit's), each with
    /// what a caller gets: the status and, for a redirect, where to.
    ///
    /// - Parameter token: a staff token the caller presents both ways, as `Authorization: Bearer`
    ///   (the APIs) and as the `staff_token` cookie (the staff pages); nil for an anonymous caller.
    static func answers<Definition: ServiceDefinition>(_: Definition.Type,
                                                       token: (@Sendable (String) async throws -> String)? = nil)
        async throws -> [String: String] {
        let service = try InProcessService<Definition>()
        let routes = service.routes
        var credentials = HTTPFields()
        if let token {
            let value = try await token(Definition.name)
            credentials[.authorization] = "Bearer \(value)"
            credentials[.cookie] = "staff_token=\(value)"
        }
        let headers = credentials
        return try await Application(router: service.router()).test(.router) { client in
            var answers: [String: String] = [:]
            for route in routes {
                let response = try await client.execute(uri: requestPath(route.path), method: route.method, headers: headers,
                                                        body: ByteBuffer(string: "{}"))
                answers[route.name] = "\(response.status.code)" + (response.headers[.location].map { " \($0)" } ?? "")
            }
            return answers
        }
    }

    /// ``answers(_:token:)`` of the service named `service`.
    static func answers(of service: String, token: (@Sendable (String) async throws -> String)? = nil)
        async throws -> [String: String] {
        switch service {
        case IntakeService.name: try await answers(IntakeService.self, token: token)
        case CRMService.name: try await answers(CRMService.self, token: token)
        case MeteringService.name: try await answers(MeteringService.self, token: token)
        case HouseholdsService.name: try await answers(HouseholdsService.self, token: token)
        case OutageService.name: try await answers(OutageService.self, token: token)
        default: try await answers(NotificationService.self, token: token)
        }
    }

    /// The routes of `answers` that are not public.
    static func staffRoutes(of service: String, in answers: [String: String]) -> [String: String] {
        let open = publicRoutes[service, default: []]
        return answers.filter { !open.contains($0.key) && !$0.key.hasPrefix("GET /assets/") }
    }

    /// Corporation staff holding every role, for an hour, signed by `signingKey` for `audience`.
    static func everyRole(signedBy signingKey: StaffTokenSigningKey, for audience: String) async throws -> String {
        try await StaffTokenIssuer(signingKey: signingKey, issuer: ConfigurationKey.staffTokenIssuer.defaultValue.value(for: audience))
            .issue(StaffClaims(staffId: "census", roles: Set(StaffRole.allCases), unit: StaffClaims.corporationUnit,
                               expiresAt: Date().addingTimeInterval(3600)), audience: [audience])
    }

    static let services = [
        IntakeService.name, CRMService.name, MeteringService.name, HouseholdsService.name, OutageService.name,
        NotificationService.name,
    ]

    @Test(arguments: services)
    func everyRouteThatIsNotPublicRefusesACallerWithoutAStaffToken(service: String) async throws {
        let answers = try await Self.answers(of: service)
        let staffRoutes = Self.staffRoutes(of: service, in: answers)
        #expect(!staffRoutes.isEmpty || service == IntakeService.name)
        for (route, answer) in staffRoutes.sorted(by: { $0.key < $1.key }) {
            #expect(Self.turnedAway(answer), "\(service) \(route) answers \(answer) to a caller without a staff token")
        }
        #expect(!answers.keys.contains { $0.hasSuffix(" /dang-nhap") }, "\(service) has a sign-in page of its own")
        #expect(Set(answers.keys).isSuperset(of: Self.publicRoutes[service, default: []]),
                "every declared public route exists")
    }

    /// A token of every role is still no way in when the service does not accept it: signed
    /// with a key its key set does not list, or issued for another service. The same token,
    /// signed with the key it trusts and for it, gets past the check on some route.
    @Test(arguments: services)
    func aTokenOfAnotherKeyOrForAnotherServiceReachesNoStaffRoute(service: String) async throws {
        let otherService = Self.services.first { $0 != service }!
        let refused: [(String, @Sendable (String) async throws -> String)] = [
            ("another key", { try await Self.everyRole(signedBy: .generate(id: StaffTokenSigningKey.development.id), for: $0) }),
            ("another service", { _ in try await Self.everyRole(signedBy: .development, for: otherService) }),
        ]
        for (what, token) in refused {
            for (route, answer) in Self.staffRoutes(of: service, in: try await Self.answers(of: service, token: token))
                .sorted(by: { $0.key < $1.key }) {
                #expect(Self.turnedAway(answer), "\(service) \(route) answers \(answer) to a token of \(what)")
            }
        }
        let accepted = Self.staffRoutes(of: service, in: try await Self.answers(of: service) {
            try await Self.everyRole(signedBy: .development, for: $0)
        })
        #expect(accepted.values.contains { !Self.turnedAway($0) } || accepted.isEmpty)
    }
}
