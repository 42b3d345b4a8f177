/// The portal asks crm for a request's timeline, to show the customer where it stands.
///
/// crm owns the timeline (every step of the flow lands on the ticket), so the look-up is
/// answered by crm from its store; the answer is `null` when no request has that code.
public struct RequestTimelineQuery: QueryContract {
    public typealias Reply = RequestTimeline?

    public static let routingKey = "crm.request-timeline"
    public static let version = 1
    public static let kind = MessageKind.query

    public var requestCode: String

    public init(requestCode: String) {
        self.requestCode = requestCode
    }
}
