import CRM
import Households
import HummingbirdTesting
import Intake
import Metering
import Notification
import Outage
import Testing

/// Every staff route of every service, as its router lists it, refuses staff of another
/// branch: a token of the role the route serves but of another unit than the record's gets 403
/// or 404 (or, from a list of the caller's own unit, an answer without the record) and changes
/// nothing in the store. And it serves the roles of the work it declares (its ``StaffDuty``)
/// and no other. The probes are in one table per service, keyed by "METHOD path".
@Suite struct StaffRouteMatrixTests {
    static let services = [
        IntakeService.name, CRMService.name, MeteringService.name, HouseholdsService.name, OutageService.name,
        NotificationService.name,
    ]

    /// Which matrix to run over a service's routes.
    enum Matrix {
        /// Staff of another branch, then of the record's own.
        case units
        /// Every role on the record's own branch.
        case roles
    }

    @Test(arguments: services)
    func everyStaffRouteRefusesStaffOfAnotherBranch(service: String) async throws {
        try await Self.run(.units, of: service)
    }

    @Test(arguments: services)
    func everyStaffRouteServesTheRolesOfItsDutyAndRefusesEveryOther(service: String) async throws {
        try await Self.run(.roles, of: service)
    }

    /// Runs `matrix` over the routes of the service named `service`, with its probes.
    static func run(_ matrix: Matrix, of service: String) async throws {
        switch service {
        case IntakeService.name: try await run(matrix, IntakeRouteProbes.make)
        case CRMService.name: try await run(matrix, CRMRouteProbes.make)
        case MeteringService.name: try await run(matrix, MeteringRouteProbes.make)
        case HouseholdsService.name: try await run(matrix, HouseholdsRouteProbes.make)
        case OutageService.name: try await run(matrix, OutageRouteProbes.make)
        default: try await run(matrix, NotificationRouteProbes.make)
        }
    }

    private static func run<Definition>(
        _ matrix: Matrix,
        _ probes: @escaping @Sendable (InProcessService<Definition>, any TestClientProtocol) async throws -> [String: StaffRouteProbe]
    ) async throws {
        let routes = StaffRouteMatrix(service: try InProcessService<Definition>())
        switch matrix {
        case .units: try await routes.run(probes)
        case .roles: try await routes.runRoles(probes)
        }
    }
}
