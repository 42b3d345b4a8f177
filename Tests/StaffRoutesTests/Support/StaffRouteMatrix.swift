import Foundation
import Hummingbird
import HummingbirdTesting
import ServiceKit
import StaffAuth
import Testing

/// Runs every staff route of one service against a record of `home` branch: staff of `away`
/// are refused and change nothing, staff of `home` get past the unit check.
///
/// The probes are keyed by "METHOD path" as the router lists the route; a staff route
/// without a probe, or a probe of a route the router no longer has, fails the matrix, so a
/// route cannot be added without its unit being checked here.
struct StaffRouteMatrix<Definition: ServiceDefinition>: Sendable {
    static var home: String { "PC05TK" }
    static var away: String { "PC05HA" }

    let service: InProcessService<Definition>

    /// The table's probe of every staff route, in the routes' order; a staff route without a
    /// probe (and so without a declared duty), or a probe of no route, fails the test.
    private func calls(_ table: [String: StaffRouteProbe])
        -> [(route: (name: String, method: HTTPRequest.Method, path: String), probe: StaffRouteProbe)] {
        let open = StaffRouteCensusTests.publicRoutes[Definition.name, default: []]
        let staffRoutes = service.routes.filter { !open.contains($0.name) && !$0.path.hasPrefix("/assets/") }
        let names = Set(staffRoutes.map(\.name))
        #expect(names.subtracting(table.keys).isEmpty,
                "\(Definition.name) staff routes without a probe: \(names.subtracting(table.keys).sorted())")
        #expect(Set(table.keys).subtracting(names).isEmpty,
                "\(Definition.name) probes of no route: \(Set(table.keys).subtracting(names).sorted())")
        return staffRoutes.compactMap { route in table[route.name].map { (route, $0) } }.sorted { $0.route.name < $1.route.name }
    }

    /// Seeds the store with `probes`' records (through `client`) and runs the unit matrix.
    func run(_ probes: @escaping @Sendable (InProcessService<Definition>, any TestClientProtocol) async throws -> [String: StaffRouteProbe]) async throws {
        try await Application(router: service.router()).test(.router) { client in
            let calls = calls(try await probes(service, client))
            for (route, probe) in calls {
                let before = try await service.snapshot(excluding: probe.ledgers)
                let answer = try await call(client, route.method, probe, role: probe.role, unit: Self.away)
                let text = String(buffer: answer.body)
                switch probe.refusal {
                case .forbidden:
                    #expect([403, 404].contains(answer.status.code),
                            "\(Definition.name) \(route.name) answers \(answer.status.code) to staff of another branch")
                case .notListed(let marker):
                    #expect(answer.status.code == 200 && !text.contains(marker),
                            "\(Definition.name) \(route.name) shows another branch's \(marker)")
                case .blankForm:
                    #expect(answer.status.code == 200, "\(Definition.name) \(route.name) answers \(answer.status.code)")
                case .rowsRefused(let marker):
                    #expect(text.contains(marker), "\(Definition.name) \(route.name) does not refuse another branch's rows")
                case .endlessStream(let marker):
                    #expect(answer.status.code == 422 && text.contains(marker),
                            "\(Definition.name) \(route.name) answers \(answer.status.code) to a query it refuses")
                }
                #expect(try await service.snapshot(excluding: probe.ledgers) == before,
                        "\(Definition.name) \(route.name) by staff of another branch changed the store")
            }
            for (route, probe) in calls {
                let answer = try await call(client, route.method, probe, role: probe.role, unit: probe.owner ?? Self.home)
                let signIn = answer.headers[.location]?.contains("/gia-han?next=") ?? false
                #expect(![401, 403, 404].contains(answer.status.code) && !signIn,
                        "\(Definition.name) \(route.name) answers \(answer.status.code) to staff of the record's branch")
                if case .notListed(let marker) = probe.refusal {
                    #expect(String(buffer: answer.body).contains(marker),
                            "\(Definition.name) \(route.name) does not show \(marker) to its own branch")
                }
            }
        }
    }

    /// Seeds the store with `probes`' records (through `client`) and runs the role matrix: on
    /// the record's own unit, a token of each role outside the route's duty gets 403, naming
    /// the roles it takes (the API's `auth.role_not_allowed`, the staff pages' 403 page), and
    /// changes nothing; a token of each role of the duty gets past the role check.
    func runRoles(_ probes: @escaping @Sendable (InProcessService<Definition>, any TestClientProtocol) async throws -> [String: StaffRouteProbe]) async throws {
        try await Application(router: service.router()).test(.router) { client in
            let calls = calls(try await probes(service, client))
            for (route, probe) in calls {
                for role in StaffRole.allCases where !probe.duty.roles.contains(role) {
                    let before = try await service.snapshot(excluding: probe.ledgers)
                    let answer = try await call(client, route.method, probe, role: role, unit: probe.owner ?? Self.home)
                    let text = String(buffer: answer.body)
                    #expect(answer.status.code == 403 && (text.contains("auth.role_not_allowed") || text.contains("id=\"needed-roles\"")),
                            "\(Definition.name) \(route.name) answers \(answer.status.code) to \(role.rawValue), outside \(probe.duty)")
                    #expect(try await service.snapshot(excluding: probe.ledgers) == before,
                            "\(Definition.name) \(route.name) by \(role.rawValue) changed the store")
                }
            }
            for (route, probe) in calls {
                for role in probe.duty.roles.sorted(by: { $0.rawValue < $1.rawValue }) {
                    let answer = try await call(client, route.method, probe, role: role, unit: probe.owner ?? Self.home)
                    let signIn = answer.headers[.location]?.contains("/gia-han?next=") ?? false
                    #expect(![401, 403].contains(answer.status.code) && !signIn,
                            "\(Definition.name) \(route.name) answers \(answer.status.code) to \(role.rawValue), of \(probe.duty)")
                }
            }
        }
    }

    /// `probe` as staff of `role` in `unit`: the token as a bearer token for the API and as the
    /// staff pages' sign-in cookie.
    private func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ probe: StaffRouteProbe,
                      role: StaffRole, unit: String) async throws -> TestResponse {
        let token = try await service.token(role, unit: unit)
        return try await client.execute(
            uri: probe.uri, method: method,
            headers: [
                .authorization: "Bearer \(token)", .cookie: "staff_token=\(token)",
                .contentType: probe.contentType,
            ],
            body: ByteBuffer(string: probe.body))
    }
}
