import Foundation
import Intake
import Testing

/// The Kubernetes Ingress is how the internet reaches the platform: it must route every public
/// route of intake (a customer following the link in a notice must reach the page) and none of
/// its staff routes, sign-in or health endpoints, which stay inside the cluster.
@Suite struct PublicIngressTests {
    /// One path rule of `deploy/k8s/base/ingress.yaml`.
    struct PathRule: Equatable {
        var path: String
        var exact: Bool

        func routes(_ requestPath: String) -> Bool {
            exact ? requestPath == path : requestPath == path || requestPath.hasPrefix(path.hasSuffix("/") ? path : path + "/")
        }
    }

    /// The path rules of the shipped Ingress, read from its `- path:` and `pathType:` lines.
    static func rules() throws -> [PathRule] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/k8s/base/ingress.yaml")
        var rules: [PathRule] = []
        var path: String?
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("- path:") {
                path = text.dropFirst("- path:".count).trimmingCharacters(in: .whitespaces)
            } else if text.hasPrefix("pathType:"), let current = path {
                rules.append(PathRule(path: current, exact: text.hasSuffix("Exact")))
                path = nil
            }
        }
        return rules
    }

    /// A route's (`GET /track/{code}`) path with its captures filled, as a browser would ask for it.
    static func requestPath(_ route: String) -> String {
        StaffRouteCensusTests.requestPath(route.split(separator: " ", maxSplits: 1)[1])
    }

    @Test func everyPublicRouteOfIntakeIsPublishedAndNoOtherIs() async throws {
        let rules = try Self.rules()
        #expect(!rules.isEmpty)
        let published = { (route: String) in rules.contains { $0.routes(Self.requestPath(route)) } }
        for route in StaffRouteCensusTests.publicRoutes[IntakeService.name, default: []].sorted() {
            #expect(published(route), "the Ingress does not route \(route)")
        }
        #expect(published("GET /assets/site.css"), "the pages' stylesheets")
        let answers = try await StaffRouteCensusTests.answers(of: IntakeService.name)
        let staff = Set(StaffRouteCensusTests.staffRoutes(of: IntakeService.name, in: answers).keys)
            .union(["GET /healthz", "GET /readyz", "GET /metrics"])
        for route in staff.sorted() {
            #expect(!published(route), "the Ingress publishes the internal route \(route)")
        }
    }
}
