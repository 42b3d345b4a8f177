import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceKit
import StaffAuth
import StaffDirectory
import WebPages

/// The metering service: the branches' stock of verified meters, installation work orders
/// and the reading routes installed meters join (flow step 5); the supply points it knows
/// (each signed contract's customer code, meter and route), answered to the portal as the
/// meter-reading schedule; and the visits crm asks for: inspections, verifications and final
/// readings. Its staff pages serve technicians on their phones (the day's work orders and
/// their completion), stock keepers (the branch's meter stock) and branch heads, who give each
/// job to a field technician of the branch as the staff directory lists them.
///
/// Configuration beyond ServiceKit's: `READING_ROUTES_FILE` (a JSON reading-route table
/// replacing the built-in one), `INSTALLATION_LEAD_DAYS` (days a reserved meter's
/// verification must still cover, default 14) and `METER_VERIFICATION_FEE_VND` (the fee of a
/// verification that proves the meter accurate, default 135000); the `STAFF_DIRECTORY_*`
/// variables, to check the technicians jobs are given to.
public struct MeteringService: ServiceDefinition {
    public static let name = "metering"

    /// The environment variable giving the days from an order to its latest installation.
    public static let leadDaysVariable = "INSTALLATION_LEAD_DAYS"
    /// Two weeks: longer than the longest installation limit (7 working days) with holidays around it.
    public static let defaultLeadDays = 14
    /// The environment variable giving the verification fee in VND.
    public static let verificationFeeVariable = "METER_VERIFICATION_FEE_VND"
    /// The default fee of a single-phase meter's verification on request.
    public static let defaultVerificationFeeVND = 135_000

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        MeteringSchema.register(in: &migrator)
    }

    private let desk: WorkOrderDesk
    private let stock: MeterStockEndpoint
    private let workOrders: WorkOrderEndpoint
    private let visits: VisitDesk
    private let visitEndpoint: MeterVisitEndpoint
    private let workOrderPages: WorkOrderPages
    private let stockPage: MeterStockPage
    private let visitPage: MeterVisitPage
    private let dispatchPage: DispatchPage
    private let clock: WallClock

    public init(context: ServiceContext) throws {
        let environment = context.configuration.environment
        clock = context.clock
        desk = WorkOrderDesk(
            outbox: context.outbox, routes: try ReadingRouteTable.load(environment: environment),
            installationLeadDays: try Self.leadDays(environment), logger: context.logger)
        let staff = StaffTokenVerifier(context: context)
        visits = VisitDesk(outbox: context.outbox, verificationFeeVND: try Self.verificationFee(environment),
                           logger: context.logger)
        let work = FieldWork(desk: desk, visits: visits, writer: context.writer, store: context.store,
                             clock: context.clock)
        let assignments = JobAssignments(
            work: work, directory: StaffDirectory(settings: try StaffDirectorySettings(environment: environment)))
        stock = MeterStockEndpoint(staff: staff, work: work)
        workOrders = WorkOrderEndpoint(staff: staff, work: work, assignments: assignments)
        let pages = try WebPages(WorkOrderPages.templates.merging(
            ["meterStock": MeterStockPage.template, "meterVisit": MeterVisitPage.template,
             "dispatch": DispatchPage.template]) { first, _ in first })
        let session = try StaffPageSession(verifier: staff, configuration: context.configuration)
        workOrderPages = WorkOrderPages(pages: pages, session: session, work: work)
        stockPage = MeterStockPage(pages: pages, session: session, work: work)
        visitPage = MeterVisitPage(pages: pages, session: session, work: work)
        visitEndpoint = MeterVisitEndpoint(staff: staff, work: work, assignments: assignments)
        dispatchPage = DispatchPage(pages: pages, session: session, work: work, assignments: assignments)
    }

    public var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        let (desk, clock) = (desk, clock)
        handlers.on(InstallMeter.self) { command, context in
            try desk.open(command, message: context.envelope, at: clock.preciseNow(), in: context.db)
        }
        handlers.on(ContractSigned.self) { signed, context in
            try desk.recordSupplyPoint(signed, in: context.db)
        }
        let visits = visits
        handlers.on(VisitMeter.self) { command, context in
            try visits.open(command, message: context.envelope, at: clock.preciseNow(), in: context.db)
        }
        handlers.answer(ReadingScheduleQuery.self) { query, db in
            try SupplyPointLedger.schedule(customerCode: query.customerCode, in: db)
        }
        return handlers
    }

    public func routes(_ router: Router<ServiceRequestContext>) {
        stock.register(on: router)
        workOrders.register(on: router)
        visitEndpoint.register(on: router)
        WebAssets.register(on: router)
        workOrderPages.register(on: router)
        stockPage.register(on: router)
        visitPage.register(on: router)
        dispatchPage.register(on: router)
    }

    private static func verificationFee(_ environment: [String: String]) throws -> Int {
        guard let raw = environment[verificationFeeVariable], !raw.isEmpty else { return defaultVerificationFeeVND }
        guard let fee = Int(raw), (0...100_000_000).contains(fee) else {
            throw ConfigurationError(variable: verificationFeeVariable, value: raw, expected: "an amount in VND, 0 or more")
        }
        return fee
    }

    private static func leadDays(_ environment: [String: String]) throws -> Int {
        guard let raw = environment[leadDaysVariable], !raw.isEmpty else { return defaultLeadDays }
        guard let days = Int(raw), (0...365).contains(days) else {
            throw ConfigurationError(variable: leadDaysVariable, value: raw, expected: "a number of days from 0 to 365")
        }
        return days
    }
}
