import Foundation
import GRDB
import Hummingbird
import Messaging
import ServiceKit

/// The intake service: takes customers' requests (flow step 1), stores them and announces
/// each one as `intake.request.submitted` for crm to open a ticket.
///
/// Configuration beyond ServiceKit's: `SERVICE_AREAS_FILE`, a JSON array of
/// ``ServiceArea`` replacing the built-in table of served communes.
public struct IntakeService: ServiceDefinition {
    public static let name = "intake"

    public static func migrations(_ migrator: inout DatabaseMigrator) {
        IntakeSchema.register(in: &migrator)
    }

    private let submission: SubmissionEndpoint

    public init(context: ServiceContext) throws {
        let areas = try ServiceAreaTable.load(environment: ProcessInfo.processInfo.environment)
        submission = SubmissionEndpoint(
            validator: SubmissionValidator(areas: areas),
            store: SubmissionStore(writer: context.writer, outbox: context.outbox),
            logger: context.logger
        )
    }

    /// Intake consumes nothing yet; the signature step will add its handlers.
    public var handlers: MessageHandlers { MessageHandlers() }

    public func routes(_ router: Router<BasicRequestContext>) {
        submission.register(on: router)
    }
}
