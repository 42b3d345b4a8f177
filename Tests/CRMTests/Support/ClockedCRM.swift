import CRM
import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceKit
import TestSupport

/// crm on a test's ``ManualClock``: the same service, built with `init(context:now:)`.
///
/// `ServiceHost` builds its definition itself, so the clock reaches it as a task-local value
/// bound around the host's construction.
struct ClockedCRM: ServiceDefinition {
    @TaskLocal static var clock = ManualClock(Date())

    static let name = CRMService.name

    static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        CRMService.migrations(&migrator, personalData: personalData)
    }

    /// The clock this crm reads, the one bound when it was built.
    let clock: ManualClock
    private let crm: CRMService

    init(context: ServiceContext) throws {
        let clock = Self.clock
        self.clock = clock
        crm = try CRMService(context: context, now: { clock.now })
    }

    var handlers: MessageHandlers { crm.handlers }

    func routes(_ router: Router<ServiceRequestContext>) {
        crm.routes(router)
    }
}
