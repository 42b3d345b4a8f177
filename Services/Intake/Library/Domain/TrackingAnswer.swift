import Contracts

/// The body of a 200 answer to `POST /api/v1/requests/{code}/tracking`: where the request stands.
///
/// crm's timeline when crm has one; otherwise intake's own first step, so that the customer
/// always sees that the request arrived and which branch has it.
struct TrackingAnswer: Encodable, Sendable {
    var requestCode: String
    var branch: Branch
    /// The last working day within the limit that holds now; absent until crm has opened the ticket.
    var dueDate: CalendarDate?
    /// How the request reached the company, as intake recorded it.
    var channel: Channel
    var steps: [TimelineStep]

    init(_ timeline: RequestTimeline, of record: RequestRecord) {
        requestCode = timeline.requestCode
        branch = timeline.branch
        dueDate = timeline.dueDate
        channel = record.channel
        steps = timeline.steps
    }

    /// What intake alone knows: the request was received, by this branch.
    init(received record: RequestRecord) {
        requestCode = record.requestCode
        branch = record.branch
        dueDate = nil
        channel = record.channel
        steps = [TimelineStep(at: record.submittedAt, actor: .intake,
                              label: LocalizedText(vi: "Đã tiếp nhận yêu cầu", en: "Request received"))]
    }
}
