import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import ServiceLifecycle
import ServiceKit
import StaffAuth
import StaffDirectory
import WebPages
import WorkingCalendar

/// The crm service: the one-stop ticket of each request (flow steps 2–7). It opens a ticket
/// per submitted request with its SLA clock, asks households to screen the applicant, lets
/// branch staff record contact, survey and installation, drafts and closes the contract,
/// and keeps the request's timeline, which it answers to the portal (`crm.request-timeline`).
/// It also turns households' count changes into contract-amendment tickets in the same list, and
/// lists on a ticket's page the papers the customer attached to the request (`intake.attachment.added`).
///
/// Configuration beyond ServiceKit's: `WORKING_CALENDAR_OVERRIDES`, a folder of per-year
/// holiday files (`holidays-YYYY.json`) replacing the built-in schedules; the staff directory's
/// `STAFF_DIRECTORY_*` (as the staff sign-in's), where a branch head's choice of officer for a
/// ticket is checked; `INTAKE_STAFF_URL`, intake's staff address, where the attachments' links
/// lead (``AttachmentLinks``); `DEADLINE_DIGEST_AT`, the time of the morning deadline digest
/// (``DeadlineDigest``), and `CRM_STAFF_URL`, crm's own staff address, where its links lead
/// (``TicketLinks``).
public struct CRMService: ServiceDefinition {
    public static let name = "crm"

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        CRMSchema.register(in: &migrator, personalData: personalData)
        CRMSchema.registerConversations(in: &migrator)
        CRMSchema.registerContractVersions(in: &migrator)
        CRMSchema.registerContractHolders(in: &migrator)
        CRMSchema.registerContractTerms(in: &migrator)
        CRMSchema.registerSignedCopies(in: &migrator)
    }

    public static var personalDataTables: [PersonalDataTable] { CRMSchema.personalDataTables }

    /// Every ticket model's workflow; internal so that in-process tests record staff steps on them.
    let workflows: TicketWorkflows
    private let tickets: TicketEndpoints
    private let pages: BranchPages
    private let ticketPage: TicketPage
    private let signedCopies: SignedCopyDownload
    private let database: DatabasePool
    private let clock: WallClock
    private let deadlineDigest: DeadlineDigestSchedule

    /// The service on `context.clock`, which tests pin to put "today" where due dates and SLA
    /// states need it.
    public init(context: ServiceContext) throws {
        let configuration = context.configuration
        database = context.store.database
        clock = context.clock
        workflows = TicketWorkflows(context: WorkflowContext(
            policy: try ServiceTimePolicy.load(environment: configuration.environment, logger: context.logger),
            personalData: context.personalData, messages: FlowMessages(outbox: context.outbox),
            logger: context.logger, clock: clock))
        let staff = StaffTokenVerifier(context: context)
        let views = TicketViews(workflows: workflows)
        let directory = StaffDirectory(settings: try StaffDirectorySettings(environment: configuration.environment))
        let assignments = TicketAssignments(
            database: context.store.database, writer: context.writer, workflows: workflows, directory: directory)
        tickets = TicketEndpoints(staff: staff, database: context.store.database, writer: context.writer,
                                  workflows: workflows, views: views, assignments: assignments)
        let web = try WebPages(BranchPages.templates.merging(["ticket": TicketPage.template]) { first, _ in first })
        let session = try StaffPageSession(verifier: staff, configuration: configuration)
        pages = BranchPages(pages: web, session: session, database: context.store.database, views: views,
                            policy: workflows.policy, clock: clock)
        ticketPage = TicketPage(pages: web, session: session, database: context.store.database, writer: context.writer,
                                workflows: workflows, views: views, assignments: assignments,
                                attachmentLinks: try AttachmentLinks(environment: configuration.environment,
                                                                     deployment: configuration.deploymentEnvironment))
        signedCopies = SignedCopyDownload(session: session, database: context.store.database,
                                          personalData: context.personalData)
        let links = try TicketLinks(environment: configuration.environment, deployment: configuration.deploymentEnvironment)
        deadlineDigest = DeadlineDigestSchedule(
            digest: DeadlineDigest(
                database: context.store.database, writer: context.writer, views: views, calendar: workflows.policy.calendar,
                directory: directory, text: DeadlineNoticeText(links: links), outbox: context.outbox,
                at: try TimeOfDay.setting(DeadlineDigest.atVariable, default: "07:00", in: configuration.environment),
                logger: context.logger),
            clock: clock, logger: context.logger)
    }

    /// The morning deadline digest.
    public var backgroundServices: [any Service] { [deadlineDigest] }

    public var handlers: MessageHandlers { CRMMessageHandlers.make(workflows: workflows) }

    /// `tickets_past_service_time`: the open tickets whose due date has passed, today in Vietnam.
    public var gauges: [ScrapedGauge] {
        let database = database
        let clock = clock
        return [ScrapedGauge(name: "tickets_past_service_time",
                             help: "Open tickets, amendments and service tickets past their due date") {
            let today = CalendarDay(clock.now())
            return Double(try await database.read { db in try ServiceTimeBreaches.count(today: today, in: db) })
        }]
    }

    public func routes(_ router: Router<ServiceRequestContext>) {
        tickets.register(on: router)
        pages.register(on: router)
        ticketPage.register(on: router)
        signedCopies.register(on: router)
    }
}
