import Contracts
import GRDB
import Hummingbird
import Mail
import Messaging
import PersonalData
import ServiceKit
import ServiceLifecycle
import StaffAuth

/// The notification service: tells customers about their requests by SMS (a brandname
/// gateway) and e-mail (SMTP), after steps 2, 3–4, 6 and 7 of the new-connection flow, and
/// announces each delivered message as `notification.customer.notified` for crm's timeline;
/// reminds main households by SMS of sub-households' expiring residence confirmations; and
/// texts customers about outages (power back after a report, planned outages of their area);
/// and answers, by SMS, the messages customers text to the company's short code, and by e-mail,
/// in the customer's thread, the mail they write to the customer-care mailbox (intake's answers);
/// and e-mails branch staff their tickets' deadlines as crm writes them (the morning digest).
///
/// Handlers queue deliveries in SQLite; ``DeliveryDispatcher``, a background service, sends
/// them with retries. Configuration beyond ServiceKit's: see ``NotificationSettings`` and
/// the service's README.
public struct NotificationService: ServiceDefinition {
    public static let name = "notification"

    public static func migrations(_ migrator: inout DatabaseMigrator, personalData: PersonalDataProtector) {
        NotificationSchema.register(in: &migrator)
    }

    public static var personalDataTables: [PersonalDataTable] { NotificationSchema.personalDataTables }

    private let notices: NoticeHandlers
    private let reminders: ResidenceReminderHandler
    private let outageNotices: OutageNoticeHandler
    private let smsReplies: SMSReplyHandler
    private let emailReplies: EmailReplyHandler
    private let staffDeadlines: StaffDeadlineNoticeHandler
    private let deliveries: DeliveriesEndpoint
    private let dispatcher: DeliveryDispatcher
    private let queue: DeliveryQueue
    private let database: DatabasePool

    public init(context: ServiceContext) throws {
        let settings = try NotificationSettings(environment: context.configuration.environment)
        let queue = DeliveryQueue(personalData: context.personalData, outbox: context.outbox, doorbell: Doorbell(),
                                  clock: context.clock)
        self.queue = queue
        database = context.store.database
        notices = NoticeHandlers(contacts: ContactBook(personalData: context.personalData), queue: queue,
                                 settings: settings, logger: context.logger)
        reminders = ResidenceReminderHandler(queue: queue, unicode: settings.gateway.unicode, logger: context.logger)
        outageNotices = OutageNoticeHandler(queue: queue, unicode: settings.gateway.unicode, logger: context.logger)
        smsReplies = SMSReplyHandler(queue: queue, logger: context.logger)
        emailReplies = EmailReplyHandler(queue: queue, logger: context.logger)
        staffDeadlines = StaffDeadlineNoticeHandler(queue: queue, logger: context.logger)
        deliveries = DeliveriesEndpoint(staff: StaffTokenVerifier(context: context),
                                        database: context.store.database, queue: queue)
        dispatcher = DeliveryDispatcher(
            database: context.store.database, queue: queue, gateway: SMSGateway(settings: settings.gateway),
            email: EmailSender(mailer: SMTPMailer(settings: settings.smtp), from: settings.mailFrom),
            policy: settings.delivery, bulkPerSecond: settings.bulkDeliveriesPerSecond, doorbell: queue.doorbell,
            logger: context.logger
        )
    }

    public var handlers: MessageHandlers {
        var handlers = MessageHandlers()
        let (notices, reminders, outageNotices) = (notices, reminders, outageNotices)
        let (smsReplies, emailReplies, staffDeadlines) = (smsReplies, emailReplies, staffDeadlines)
        handlers.on(TicketOpened.self) { event, context in
            try notices.ticketOpened(event, cause: context.message, in: context.db)
        }
        handlers.on(RequestRefused.self) { event, context in
            try notices.requestRefused(event, cause: context.message, in: context.db)
        }
        handlers.on(SendSigningCode.self) { command, context in
            try notices.sendSigningCode(command, cause: context.message, in: context.db)
        }
        handlers.on(ContractSigned.self) { event, context in
            try notices.contractSigned(event, cause: context.message, in: context.db)
        }
        handlers.on(RequestProgressed.self) { event, context in
            try notices.requestProgressed(event, cause: context.message, in: context.db)
        }
        handlers.on(ContractHolderChanged.self) { event, context in
            try notices.contractTakenOver(event, cause: context.message, in: context.db)
        }
        handlers.on(SendResidenceReminder.self) { command, context in
            try reminders.remind(command, cause: context.message, in: context.db)
        }
        handlers.on(SendOutageNotice.self) { command, context in
            try outageNotices.notify(command, cause: context.message, in: context.db)
        }
        handlers.on(SendSMSReply.self) { command, context in
            try smsReplies.reply(command, cause: context.message, in: context.db)
        }
        handlers.on(SendEmailReply.self) { command, context in
            try emailReplies.reply(command, cause: context.message, in: context.db)
        }
        handlers.on(SendStaffDeadlineNotice.self) { command, context in
            try staffDeadlines.notify(command, cause: context.message, in: context.db)
        }
        return handlers
    }

    public func routes(_ router: Router<ServiceRequestContext>) {
        deliveries.register(on: router)
    }

    public var backgroundServices: [any Service] { [dispatcher] }

    /// `reminders_waiting`: residence reminders queued and not yet sent; a number that stays up
    /// means the SMS gateway is refusing or the dispatcher is stuck.
    public var gauges: [ScrapedGauge] {
        let queue = queue
        let database = database
        return [ScrapedGauge(name: "reminders_waiting", help: "Residence reminders queued and not yet sent") {
            Double(try await database.read { db in try queue.remindersWaiting(in: db) })
        }]
    }
}
