import ServiceKit

/// `POST …/assignment`: `{"officerId"}`, the staff id of the officer who is to work the ticket.
struct AssignmentForm: Decodable, Sendable {
    static let officerIdLimit = 64

    var officerId: String?

    func validated() throws -> String {
        var problems = FormProblems()
        problems.checkText(officerId, field: "officerId", required: true, limit: Self.officerIdLimit)
        try problems.check()
        guard let officerId = officerId.trimmedText else { throw APIError.malformed(field: "officerId") }
        return officerId
    }
}
