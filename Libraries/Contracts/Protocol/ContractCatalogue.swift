/// Every contract of the system, in the order of the flows they belong to.
///
/// One list that tests and tools walk: routing keys are unique, follow the naming rule,
/// and each one is documented in `docs/events.md`.
public enum ContractCatalogue {
    /// The new low-voltage connection flow, steps 1 to 7, then the sub-household program's, then outages, then
    /// the service requests about existing supply points and the meter-reading look-up, then the answers to customers' SMS and e-mail, then the papers attached to requests, then the deadlines e-mailed to branch staff.
    public static let all: [any MessageContract.Type] = [
        RequestSubmitted.self,
        TicketOpened.self,
        ScreenIdentities.self,
        ScreeningCompleted.self,
        ContactRecorded.self,
        SurveyRecorded.self,
        RequestRefused.self,
        InstallMeter.self,
        WorkOrderOpened.self,
        MeterInstalled.self,
        ContractDrafted.self,
        SendSigningCode.self,
        SignatureCaptured.self,
        ContractSigned.self,
        RegisterMainHousehold.self,
        TicketClosed.self,
        CustomerNotified.self,
        RequestTimelineQuery.self,
        HouseholdCountChanged.self,
        MeterSplit.self,
        SendResidenceReminder.self,
        RecordOutageReport.self,
        IncidentRestored.self,
        SendOutageNotice.self,
        PlannedOutagesQuery.self,
        ServiceRequestSubmitted.self,
        RequestProgressed.self,
        ContractHolderChanged.self,
        ContractEnded.self,
        VisitMeter.self,
        MeterVisited.self,
        RegisterSubHouseholds.self,
        SubHouseholdsRefused.self,
        ReadingScheduleQuery.self,
        SendSMSReply.self,
        InquiryReceived.self,
        SendEmailReply.self,
        AttachmentAdded.self,
        SendStaffDeadlineNotice.self,
    ]
}
