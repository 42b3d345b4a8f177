import Foundation
import ServiceKit

/// Everything the public and the call centre do through intake, built once from the service's
/// context and shared by its edges: the API, the portal and console pages, the SMS desk.
struct IntakeUseCases: Sendable {
    let connections: ConnectionFiling
    let serviceRequests: ServiceRequestFiling
    let outageReports: OutageReporting
    let tracking: RequestTracking
    let signing: ContractSigning
    let attachments: PaperAttachment
    let plannedOutages: PlannedOutageSchedule
    let readingSchedule: MeterReadingSchedule
    let meterHouseholds: MeterHouseholdsListing
    let billEstimation: BillEstimation

    init(context: ServiceContext, settings: IntakeSettings, limits: AbuseLimits, signingStore: SigningStore,
         attachmentStore: AttachmentStore, clock: WallClock) {
        let logger = context.logger
        let (writer, outbox, personalData) = (context.writer, context.outbox, context.personalData)
        let access = RequestAccess(writer: writer, personalData: personalData, clock: clock, logger: logger)
        let gate = FilingGate(limits: limits)
        connections = ConnectionFiling(
            validator: SubmissionValidator(areas: settings.areas),
            store: SubmissionStore(writer: writer, outbox: outbox, personalData: personalData),
            gate: gate, clock: clock, logger: logger)
        serviceRequests = ServiceRequestFiling(
            validator: ServiceRequestValidator(areas: settings.areas),
            store: ServiceRequestStore(writer: writer, outbox: outbox, personalData: personalData),
            gate: gate, clock: clock, logger: logger)
        outageReports = OutageReporting(
            validator: OutageReportValidator(areas: settings.areas),
            store: OutageReportStore(writer: writer, outbox: outbox, personalData: personalData),
            gate: gate, clock: clock, logger: logger)
        tracking = RequestTracking(
            access: access, timeline: TimelineLookup(lookups: context.lookups, timeout: settings.timelineTimeout, logger: logger),
            logger: logger)
        signing = ContractSigning(access: access, store: signingStore, clock: clock, logger: logger)
        attachments = PaperAttachment(access: access, store: attachmentStore, clock: clock, logger: logger)
        plannedOutages = PlannedOutageSchedule(
            areas: settings.areas,
            lookup: PlannedOutageLookup(lookups: context.lookups, timeout: settings.outageTimeout, logger: logger),
            clock: clock)
        readingSchedule = MeterReadingSchedule(
            areas: settings.areas,
            lookup: ReadingScheduleLookup(lookups: context.lookups, timeout: settings.meteringTimeout, logger: logger),
            clock: clock)
        meterHouseholds = MeterHouseholdsListing(
            areas: settings.areas,
            lookup: MeterHouseholdsLookup(lookups: context.lookups, timeout: settings.householdsTimeout, logger: logger))
        billEstimation = BillEstimation(tariffs: settings.tariffs, clock: clock)
    }
}
