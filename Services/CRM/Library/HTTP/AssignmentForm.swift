import ServiceKit

/// `POST …/assignment`: `{"officerId"}`, the staff id of the officer who is to work the ticket.
struct AssignmentForm: Decodable, Sendable {
    static let officerIdLimit = 64

    var officerId: String?

    func validated() throws -> String {
        try FormProblems.requiredText(officerId, field: "officerId", limit: Self.officerIdLimit)
    }
}
