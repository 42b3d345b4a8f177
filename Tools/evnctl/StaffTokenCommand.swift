import ArgumentParser
import Foundation
import ServiceKit
import StaffAuth

/// `evnctl staff-token`: issues a staff token for the operator, field and unit APIs.
///
/// The token is signed with `STAFF_TOKEN_SECRET`, the secret every service checks tokens with,
/// so on a developer machine (default secret) it works at once against `make run`. In
/// production the company's sign-on issues tokens; this command serves operators and tests.
struct StaffTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-token",
        abstract: "Print a staff token (Authorization: Bearer …) for a role and unit."
    )

    @Option(help: "The staff member's id, recorded on every step they take.")
    var staff: String

    @Option(help: "One of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: String

    @Option(help: "The staff member's branch code (e.g. PC05TK), or \(StaffClaims.corporationUnit) for corporation staff.")
    var unit: String

    @Option(help: "Hours the token stays valid.")
    var hours: Int = 8

    func validate() throws {
        guard StaffRole(rawValue: role) != nil else {
            throw ValidationError("--role must be one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (1...24 * 31).contains(hours) else { throw ValidationError("--hours must be 1 to 744") }
        guard !staff.isEmpty, !unit.isEmpty else { throw ValidationError("--staff and --unit must not be empty") }
    }

    func run() async throws {
        let configuration = try ServiceConfiguration(service: "evnctl")
        let authority = StaffTokenAuthority(configuration: configuration)
        let claims = StaffClaims(staffId: staff, role: StaffRole(rawValue: role)!, unit: unit,
                                 expiresAt: Date().addingTimeInterval(TimeInterval(hours * 3600)))
        print(try await authority.issue(claims))
    }
}
