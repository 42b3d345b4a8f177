import ArgumentParser
import CRM
import Foundation
import Households
import Intake
import Metering
import Notification
import Outage
import ServiceKit
import StaffAuth
import StaffTokenIssuing

/// `evnctl staff-token`: a staff token signed with the development key, for a developer's
/// machine and the tests.
///
/// Services running with `EVN_ENV=development` trust the development key set, so the token
/// works at once against `make run`. Anywhere else the development key is public knowledge and
/// refused by every service; staff tokens there come from the staff sign-in, which alone holds
/// the deployment's private key. The command therefore refuses to run outside development.
struct StaffTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-token",
        abstract: "Print a development staff token (Authorization: Bearer …); EVN_ENV=development only."
    )

    /// The six services: a token is for all of them unless `--audience` says otherwise.
    static let services = [IntakeService.name, CRMService.name, MeteringService.name, HouseholdsService.name,
                           OutageService.name, NotificationService.name]

    @Option(help: "The staff member's id, recorded on every step they take.")
    var staff: String

    @Option(help: "A role the staff member holds; repeat for several. One of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).")
    var role: [String]

    @Option(help: "The staff member's branch code (e.g. PC05TK), or \(StaffClaims.corporationUnit) for corporation staff.")
    var unit: String

    @Option(help: "A service the token is for; repeat for several. Default: all of \(services.joined(separator: ", ")).")
    var audience: [String] = []

    @Option(help: "Hours the token stays valid, at most STAFF_TOKEN_MAX_LIFETIME_HOURS.")
    var hours: Int = 8

    func validate() throws {
        guard !role.isEmpty, role.allSatisfy({ StaffRole(rawValue: $0) != nil }) else {
            throw ValidationError("--role must be one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard audience.allSatisfy(Self.services.contains) else {
            throw ValidationError("--audience must be one of \(Self.services.joined(separator: ", "))")
        }
        guard (1...24 * 31).contains(hours) else { throw ValidationError("--hours must be 1 to 744") }
        guard !staff.isEmpty, !unit.isEmpty else { throw ValidationError("--staff and --unit must not be empty") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment[ConfigurationKey.deploymentEnvironment.name] == DeploymentEnvironment.development.rawValue else {
            throw ValidationError(
                "staff-token signs with the development key, which only services with EVN_ENV=development accept; "
                    + "set EVN_ENV=development on a developer's machine. Elsewhere staff sign in for their tokens.")
        }
        let settings = try ServiceConfiguration(service: "evnctl", environment: environment).staffTokens
        guard TimeInterval(hours * 3600) <= settings.maxLifetime else {
            throw ValidationError("--hours must be at most STAFF_TOKEN_MAX_LIFETIME_HOURS (\(Int(settings.maxLifetime) / 3600))")
        }
        let claims = StaffClaims(staffId: staff, roles: Set(role.compactMap(StaffRole.init(rawValue:))), unit: unit,
                                 expiresAt: Date().addingTimeInterval(TimeInterval(hours * 3600)))
        print(try await StaffTokenIssuer.development(settings)
            .issue(claims, audience: Set(audience.isEmpty ? Self.services : audience)))
    }
}
