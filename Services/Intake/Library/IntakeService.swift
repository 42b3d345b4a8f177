import Attachments
import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import PersonalData
import Mail
import ServiceKit
import ServiceLifecycle
import StaffAuth
import WebPages

/// The intake service: takes customers' requests (flow step 1) and announces each as
/// `intake.request.submitted`, and their requests about existing supply points as
/// `intake.service-request.submitted`; lets the applicant track a request by code and phone; and
/// runs the contract's signature (steps 6–7): a one-time code for each `crm.contract.drafted`,
/// checked on the portal and announced as `intake.signature.captured`. It also takes customers'
/// power-outage reports (handed to outage), answers the planned-outage schedule (from outage)
/// and the meter-reading schedule (from metering), and estimates residential bills from the
/// dated tariff tables. It answers what customers text to the short code (``SMSDesk``), by SMS
/// through notification (`notification.send-sms-reply`), and opens a ringing caller's page on the
/// call-centre console of the agent's extension (``TelephonyWebhookEndpoint``, ``CallCentreEvents``).
/// It files each mail of the customer-care mailbox as the service request it plainly asks for
/// (``MailedRequest``), else as a general inquiry (`intake.inquiry.received`), and answers it in the customer's thread through notification
/// (`notification.send-email-reply`), once per mail across restarts (``MailboxReader``).
/// It keeps the papers customers attach to their requests, sealed (``AttachmentEndpoint``, ``AttachmentPage``,
/// announced as `intake.attachment.added`), for the branch's officers to download
/// (``AttachmentDownload``).
///
/// Every anonymous endpoint is rate-limited per client and per phone (``AbuseLimits``), and
/// anonymous filings text an unconfirmed phone at most three times a day (``PhoneMessageBudget``).
///
/// Configuration beyond ServiceKit's: ``IntakeSettings`` (`SERVICE_AREAS_FILE`,
/// `CRM_LOOKUP_TIMEOUT_MS`, `OUTAGE_LOOKUP_TIMEOUT_MS`, `METERING_LOOKUP_TIMEOUT_MS`,
/// `TARIFF_FILE`, the `…_LIMIT_…` rate limits, `ATTACHMENT_MAX_BYTES`, `ATTACHMENT_MAX_FILES`, `SMS_INBOUND_SECRET`, `TELEPHONY_WEBHOOK_SECRET`, the `MAILBOX_…` settings),
/// read from the service's configuration environment.
public struct IntakeService: ServiceDefinition {
    public static let name = "intake"

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        IntakeSchema.register(in: &migrator, personalData: personalData)
    }

    public static var personalDataTables: [PersonalDataTable] { IntakeSchema.personalDataTables }

    private let submission: SubmissionEndpoint
    private let serviceRequests: ServiceRequestEndpoint
    private let readingSchedule: ReadingScheduleEndpoint
    private let tracking: TrackingEndpoint
    private let signing: SigningEndpoints
    private let contractDrafted: ContractDraftedHandler
    private let outageReports: OutageReportEndpoint
    private let plannedOutages: PlannedOutageEndpoint
    private let tariffEstimate: TariffEstimateEndpoint
    private let inboundSMS: InboundSMSEndpoint
    private let portal: PortalPages
    private let lookupPages: LookupPages
    private let servicePages: ServiceRequestPages
    private let callCentre: CallCentrePages
    private let callEvents: CallCentreEvents
    private let telephony: TelephonyWebhookEndpoint
    private let pages: WebPages
    private let mailbox: MailboxReader?
    private let attachments: AttachmentEndpoint
    private let attachmentDownload: AttachmentDownload
    private let attachmentPage: AttachmentPage
    private let meterHouseholdsPage: MeterHouseholdsPage
    private let clock: WallClock

    /// The service reading the time from `context.clock`, so tests can move the portal ahead in time.
    public init(context: ServiceContext) throws {
        let clock = context.clock
        self.clock = clock
        let settings = try IntakeSettings(environment: context.configuration.environment,
                                          deployment: context.configuration.deploymentEnvironment)
        let logger = context.logger
        let limits = AbuseLimits(settings.limits, proxies: context.configuration.trustedProxies, clock: clock)
        let attachmentStore = AttachmentStore(writer: context.writer, database: context.store.database, outbox: context.outbox,
                                              personalData: context.personalData, limits: settings.attachments)
        let signing = SigningStore(writer: context.writer, outbox: context.outbox, personalData: context.personalData,
                                   areas: settings.areas)
        let useCases = IntakeUseCases(context: context, settings: settings, limits: limits, signingStore: signing,
                                      attachmentStore: attachmentStore, clock: clock)
        submission = SubmissionEndpoint(filing: useCases.connections, limits: limits)
        serviceRequests = ServiceRequestEndpoint(filing: useCases.serviceRequests, limits: limits)
        readingSchedule = ReadingScheduleEndpoint(readingSchedule: useCases.readingSchedule, limits: limits)
        tracking = TrackingEndpoint(tracking: useCases.tracking, limits: limits)
        self.signing = SigningEndpoints(signing: useCases.signing, limits: limits)
        contractDrafted = ContractDraftedHandler(signing: signing, clock: clock, logger: logger)
        outageReports = OutageReportEndpoint(reporting: useCases.outageReports, limits: limits)
        plannedOutages = PlannedOutageEndpoint(schedule: useCases.plannedOutages, limits: limits)
        tariffEstimate = TariffEstimateEndpoint(estimation: useCases.billEstimation, limits: limits)
        inboundSMS = InboundSMSEndpoint(
            signature: WebhookSignature(secret: settings.smsInboundSecret),
            desk: SMSDesk(
                ledger: InboundSMSLedger(writer: context.writer, outbox: context.outbox, personalData: context.personalData),
                tracking: useCases.tracking, outageReports: useCases.outageReports, plannedOutages: useCases.plannedOutages,
                areas: settings.areas, limits: limits, personalData: context.personalData, clock: clock, logger: logger))
        let pages = try WebPages(PortalTemplates.all.merging(LookupTemplates.all) { first, _ in first }
            .merging(["callCentre": CallCentrePages.template, "attach": AttachmentPage.template,
                     "meterHouseholds": MeterHouseholdsPage.template]) { first, _ in first })
        let session = try StaffPageSession(verifier: StaffTokenVerifier(context: context),
                                           configuration: context.configuration)
        portal = PortalPages(
            pages: pages, form: ConnectionFormPage(areas: settings.areas), filing: useCases.connections,
            tracking: useCases.tracking, signing: useCases.signing, session: session, limits: limits, database: context.store.database)
        lookupPages = LookupPages(pages: pages, areas: settings.areas, outageReports: useCases.outageReports,
                                  plannedOutages: useCases.plannedOutages, readingSchedule: useCases.readingSchedule,
                                  tariff: useCases.billEstimation, limits: limits, session: session)
        servicePages = ServiceRequestPages(pages: pages, areas: settings.areas, filing: useCases.serviceRequests, session: session,
                                           limits: limits)
        callCentre = CallCentrePages(
            pages: pages, session: session,
            directory: CallerDirectory(database: context.store.database, personalData: context.personalData),
            timeline: useCases.tracking.timeline, clock: clock)
        let alerts = CallAlerts()
        callEvents = CallCentreEvents(session: session, alerts: alerts)
        attachments = AttachmentEndpoint(attachment: useCases.attachments, limits: limits)
        attachmentDownload = AttachmentDownload(store: attachmentStore, session: session)
        attachmentPage = AttachmentPage(pages: pages, attachment: useCases.attachments, limits: limits)
        meterHouseholdsPage = MeterHouseholdsPage(pages: pages, listing: useCases.meterHouseholds, limits: limits)
        telephony = TelephonyWebhookEndpoint(signature: WebhookSignature(secret: settings.telephonyWebhookSecret),
                                             alerts: alerts, logger: logger)
        self.pages = pages
        mailbox = settings.mailbox.map { mailbox in
            MailboxReader(
                mailbox: IMAPMailbox(settings: mailbox.imap), settings: mailbox,
                ledger: InboundMailLedger(writer: context.writer, outbox: context.outbox, personalData: context.personalData,
                                          attachments: attachmentStore),
                requests: useCases.serviceRequests, areas: settings.areas, clock: clock, logger: logger)
        }
    }

    /// The customer-care mailbox's reader, when `MAILBOX_URL` is set.
    public var backgroundServices: [any Service] { mailbox.map { [$0] } ?? [] }

    /// Intake consumes `crm.contract.drafted`: its inbox is bound to exactly that key.
    public var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        let contractDrafted = contractDrafted
        handlers.on(ContractDrafted.self, contractDrafted.handle)
        return handlers
    }

    public func routes(_ router: Router<ServiceRequestContext>) {
        router.add(middleware: TooManyRequestsPage(pages: pages))
        submission.register(on: router)
        serviceRequests.register(on: router)
        readingSchedule.register(on: router)
        tracking.register(on: router)
        attachments.register(on: router)
        attachmentDownload.register(on: router)
        attachmentPage.register(on: router)
        meterHouseholdsPage.register(on: router)
        signing.register(on: router)
        outageReports.register(on: router)
        plannedOutages.register(on: router)
        tariffEstimate.register(on: router)
        inboundSMS.register(on: router)
        portal.register(on: router)
        lookupPages.register(on: router)
        servicePages.register(on: router)
        callCentre.register(on: router)
        callEvents.register(on: router)
        telephony.register(on: router)
        OpenAPIEndpoint(document: IntakeAPIDocument(
            submission: submission.filing.validator, serviceRequests: serviceRequests.filing.validator,
            outageReports: outageReports.reporting.validator, plannedOutages: plannedOutages.schedule,
            readingSchedule: readingSchedule.readingSchedule, clock: clock)
        ).register(on: router)
    }
}
