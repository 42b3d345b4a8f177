import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth

/// The households service: the corporation's registry of shared-meter dossiers (main
/// household and sub-households, QLHP), and the identity screening of new requests
/// against it (flow steps 3 and 7).
///
/// It takes no configuration beyond ServiceKit's; `PERSONAL_DATA_KEY` seals the names and
/// ID numbers it keeps.
public struct HouseholdsService: ServiceDefinition {
    public static let name = "households"

    public static func migrations(_ migrator: inout DatabaseMigrator) {
        HouseholdsSchema.register(in: &migrator)
    }

    private let screening: IdentityScreening
    private let registration: MainHouseholdRegistration
    private let dossiers: DossierEndpoint

    public init(context: ServiceContext) throws {
        let registry = DossierRegistry(personalData: context.personalData)
        let validator = DossierValidator()
        screening = IdentityScreening(registry: registry, outbox: context.outbox, logger: context.logger)
        registration = MainHouseholdRegistration(registry: registry, validator: validator, logger: context.logger)
        dossiers = DossierEndpoint(
            staff: StaffTokenAuthority(configuration: context.configuration), registry: registry,
            validator: validator, writer: context.writer, store: context.store, logger: context.logger)
    }

    public var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        let screening = screening
        let registration = registration
        handlers.onCommand(ScreenIdentities.routingKey) { message, db in
            try screening.screen(message, at: Date(), in: db)
        }
        handlers.onCommand(RegisterMainHousehold.routingKey) { message, db in
            try registration.register(message, at: Date(), in: db)
        }
        return handlers
    }

    public func routes(_ router: Router<BasicRequestContext>) {
        dossiers.register(on: router)
    }
}
