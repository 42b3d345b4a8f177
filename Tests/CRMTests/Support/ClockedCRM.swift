import CRM
import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceKit
import ServiceLifecycle
import TestSupport

/// crm on a test's ``ManualClock``: the same service, reading it as its context's clock.
///
/// `ServiceHost` builds its definition itself, so the clock the test moves reaches the harness
/// as a task-local value bound around the host's construction.
struct ClockedCRM: ServiceDefinition {
    @TaskLocal static var clock = ManualClock(Date())
    /// Whether the service's daily jobs run (the deadline digest): off unless a test of them
    /// asks, so that the others' tickets e-mail nobody.
    @TaskLocal static var runsDailyJobs = false

    static let name = CRMService.name

    static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        CRMService.migrations(&migrator, personalData: personalData)
    }

    /// The clock this crm reads, the one bound when it was built.
    let clock: ManualClock
    private let runsDailyJobs: Bool
    private let crm: CRMService

    init(context: ServiceContext) throws {
        clock = Self.clock
        runsDailyJobs = Self.runsDailyJobs
        crm = try CRMService(context: context)
    }

    var handlers: MessageHandlers { crm.handlers }

    var gauges: [ScrapedGauge] { crm.gauges }

    var backgroundServices: [any Service] { runsDailyJobs ? crm.backgroundServices : [] }

    func routes(_ router: Router<ServiceRequestContext>) {
        crm.routes(router)
    }
}
