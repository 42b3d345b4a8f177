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
/// nothing in the store. And it serves the roles of the work it declares (its ``StaffDuty``)
/// and no other. The probes are in one table per service, keyed by "METHOD path".
@Suite struct StaffRouteMatrixTests {
    @Test(arguments: [
        IntakeService.name, CRMService.name, MeteringService.name, HouseholdsService.name, OutageService.name,
        NotificationService.name,
    ])
    func everyStaffRouteRefusesStaffOfAnotherBranch(service: String) async throws {
        switch service {
        case IntakeService.name: try await StaffRouteMatrix(service: InProcessService()).run(IntakeRouteProbes.make)
        case CRMService.name: try await StaffRouteMatrix(service: InProcessService()).run(CRMRouteProbes.make)
        case MeteringService.name: try await StaffRouteMatrix(service: InProcessService()).run(MeteringRouteProbes.make)
        case HouseholdsService.name: try await StaffRouteMatrix(service: InProcessService()).run(HouseholdsRouteProbes.make)
        case OutageService.name: try await StaffRouteMatrix(service: InProcessService()).run(OutageRouteProbes.make)
        default: try await StaffRouteMatrix(service: InProcessService()).run(NotificationRouteProbes.make)
        }
    }

    @Test(arguments: [
        IntakeService.name, CRMService.name, MeteringService.name, HouseholdsService.name, OutageService.name,
        NotificationService.name,
    ])
    func everyStaffRouteServesTheRolesOfItsDutyAndRefusesEveryOther(service: String) async throws {
        switch service {
        case IntakeService.name: try await StaffRouteMatrix(service: InProcessService()).runRoles(IntakeRouteProbes.make)
        case CRMService.name: try await StaffRouteMatrix(service: InProcessService()).runRoles(CRMRouteProbes.make)
        case MeteringService.name: try await StaffRouteMatrix(service: InProcessService()).runRoles(MeteringRouteProbes.make)
        case HouseholdsService.name: try await StaffRouteMatrix(service: InProcessService()).runRoles(HouseholdsRouteProbes.make)
        case OutageService.name: try await StaffRouteMatrix(service: InProcessService()).runRoles(OutageRouteProbes.make)
        default: try await StaffRouteMatrix(service: InProcessService()).runRoles(NotificationRouteProbes.make)
        }
    }
}
