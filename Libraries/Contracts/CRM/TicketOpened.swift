import Foundation

/// crm opened the one-stop ticket of a request, routed it to its branch and started the SLA clock (flow step 2).
///
/// Notification tells the customer the request was received and which branch will call:
/// the event carries the branch as customers see it and where to reach the customer.
public struct TicketOpened: MessageContract {
    public static let routingKey = "crm.ticket.opened"
    public static let version = 1
    public static let kind = MessageKind.event

    public var ticketId: String
    public var requestCode: String
    /// What was asked for, so that the notice names it and its next step. Absent from messages
    /// published before the field was added; notification words those as a new connection.
    public var requestKind: RequestKind?
    /// The branch that owns the request, found from the site's commune.
    public var branch: Branch
    /// Where notification reaches the customer (personal data).
    public var contact: CustomerContact
    /// The service-time limit: 3 (urban) or 5 (rural) working days; 7 once a survey finds a pole or cable is needed.
    public var slaLimitWorkingDays: Int
    /// The last working day within the limit.
    public var dueDate: CalendarDate
    public var openedAt: Date

    public init(
        ticketId: String, requestCode: String, requestKind: RequestKind?, branch: Branch, contact: CustomerContact,
        slaLimitWorkingDays: Int,
        dueDate: CalendarDate, openedAt: Date
    ) {
        self.ticketId = ticketId
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.branch = branch
        self.contact = contact
        self.slaLimitWorkingDays = slaLimitWorkingDays
        self.dueDate = dueDate
        self.openedAt = openedAt
    }
}
