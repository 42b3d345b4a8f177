/// Why a ticket does not take a step staff asked for. The workflow throws it; the staff API
/// and the console answer it with the matching 409 in Vietnamese and English.
enum StepRefusal: Error, Sendable, Equatable {
    /// The ticket is closed and takes no further steps.
    case ticketClosed
    /// The step belongs to another kind of ticket.
    case wrongTicketKind
    case surveyAlreadyRecorded
    /// A meter is installed only after a survey found the site can be connected.
    case surveyRequired
    case installationAlreadyRequested
    /// Screening found no conflict for staff to decide.
    case noScreeningConflict
    case screeningAlreadyResolved
    /// The service request is not at the step where the branch decides.
    case notAwaitingDecision
    /// The customer's mail names no address to answer.
    case noReplyAddress
}
