import Contracts

/// How a closed ticket kept its limit: the working days it took and whether that was within
/// the limit. Every kind of ticket is judged the same way, by
/// ``ServiceTimePolicy/verdict(receivedOn:limit:closedOn:)``.
struct SLAVerdict: Sendable, Equatable {
    var workingDaysTaken: Int
    var outcome: TicketClosed.SLAOutcome
}
