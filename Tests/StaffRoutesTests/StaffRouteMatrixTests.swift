import CRM
import Households
import Intake
import Metering
import Notification
import Outage
import Testing

/// Every staff route of every service, as its router lists it, refuses staff of another
/// branch: a token of the role the route serves but of another unit than the record's gets 403
/// or 404 (or, from a list of the caller's own unit, an answer without the record) and changes
/// nothing in the store. The probes are in one table per service, keyed by "METHOD path".
@Suite struct StaffRouteMatrixTests {
    @Test func crm() async throws {
        try await StaffRouteMatrix(service: InProcessService<CRMService>()).run(CRMRouteProbes.make)
    }

    @Test func metering() async throws {
        try await StaffRouteMatrix(service: InProcessService<MeteringService>()).run(MeteringRouteProbes.make)
    }

    @Test func households() async throws {
        try await StaffRouteMatrix(service: InProcessService<HouseholdsService>()).run(HouseholdsRouteProbes.make)
    }

    @Test func outage() async throws {
        try await StaffRouteMatrix(service: InProcessService<OutageService>()).run(OutageRouteProbes.make)
    }

    @Test func notification() async throws {
        try await StaffRouteMatrix(service: InProcessService<NotificationService>()).run(NotificationRouteProbes.make)
    }

    @Test func intake() async throws {
        try await StaffRouteMatrix(service: InProcessService<IntakeService>()).run(IntakeRouteProbes.make)
    }
}
