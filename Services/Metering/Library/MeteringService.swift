import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth

/// The metering service: the branches' stock of verified meters, installation work orders
/// and the reading routes installed meters join (flow step 5).
///
/// Configuration beyond ServiceKit's: `READING_ROUTES_FILE` (a JSON reading-route table
/// replacing the built-in one) and `INSTALLATION_LEAD_DAYS` (days a reserved meter's
/// verification must still cover, default 14).
public struct MeteringService: ServiceDefinition {
    public static let name = "metering"

    /// The environment variable giving the days from an order to its latest installation.
    public static let leadDaysVariable = "INSTALLATION_LEAD_DAYS"
    /// Two weeks: longer than the longest installation limit (7 working days) with holidays around it.
    public static let defaultLeadDays = 14

    public static func migrations(_ migrator: inout DatabaseMigrator) {
        MeteringSchema.register(in: &migrator)
    }

    private let desk: WorkOrderDesk
    private let stock: MeterStockEndpoint
    private let workOrders: WorkOrderEndpoint

    public init(context: ServiceContext) throws {
        let environment = context.configuration.environment
        desk = WorkOrderDesk(
            outbox: context.outbox, routes: try ReadingRouteTable.load(environment: environment),
            installationLeadDays: try Self.leadDays(environment), logger: context.logger)
        let staff = StaffTokenAuthority(configuration: context.configuration)
        stock = MeterStockEndpoint(staff: staff, desk: desk, writer: context.writer, store: context.store)
        workOrders = WorkOrderEndpoint(staff: staff, desk: desk, writer: context.writer, store: context.store)
    }

    public var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        let desk = desk
        handlers.onCommand(InstallMeter.routingKey) { message, db in
            try desk.open(message.decode(InstallMeter.self), message: message.envelope, at: Date(), in: db)
        }
        return handlers
    }

    public func routes(_ router: Router<BasicRequestContext>) {
        stock.register(on: router)
        workOrders.register(on: router)
    }

    private static func leadDays(_ environment: [String: String]) throws -> Int {
        guard let raw = environment[leadDaysVariable], !raw.isEmpty else { return defaultLeadDays }
        guard let days = Int(raw), (0...365).contains(days) else {
            throw ConfigurationError(variable: leadDaysVariable, value: raw, expected: "a number of days from 0 to 365")
        }
        return days
    }
}
