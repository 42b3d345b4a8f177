import ArgumentParser
import ServiceKit
import StaffAuth

/// `signin service-account create|revoke`: the machine accounts that get tokens at `POST /oauth/token`.
struct ServiceAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service-account",
        abstract: "Create or revoke a service account (client credentials for POST /oauth/token).",
        subcommands: [Create.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a service account and print its client secret, shown this once.")

        @Option(help: "The client id, e.g. svc-billing-export: lower-case letters, digits and '-'.")
        var clientId: String

        @Option(help: "A role of its tokens (repeat for several): \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: [String]

        @Option(help: "Its unit: a branch code, or CORP for every unit.")
        var unit: String

        func run() async throws {
            let roles = try role.map { name in
                guard let role = StaffRole(rawValue: name) else { throw ValidationError("--role: no role \(name)") }
                return role
            }
            let administration = try ServiceAccountAdministration(configuration: ServiceConfiguration(service: SignInService.name))
            let secret = try await administration.create(ServiceAccount(clientId: clientId, roles: Set(roles), unit: unit))
            print("""
                service account \(clientId) (\(role.joined(separator: ", ")), \(unit)) created.
                client secret (shown this once; keep it in the client's secret store): \(secret)
                """)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a service account: its secret gets no further token.")

        @Option(help: "The client id.")
        var clientId: String

        func run() async throws {
            let administration = try ServiceAccountAdministration(configuration: ServiceConfiguration(service: SignInService.name))
            guard try await administration.revoke(clientId) else {
                print("no service account \(clientId) that is not revoked already")
                throw ExitCode(1)
            }
            print("service account \(clientId) revoked; its tokens expire within STAFF_ACCESS_TOKEN_LIFETIME")
        }
    }
}
