import FlowDriver
import Foundation
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import Testing

/// `evnctl staff-token` mints development tokens on a developer's machine and nowhere else;
/// `evnctl staff-token-keys` makes a deployment's key pair, which a production service starts on.
@Suite struct StaffTokenCommandTests {
    /// What `evnctl` printed and how it ended.
    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    static func evnctl(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = try ServiceBinaries.locate(["evnctl"])["evnctl"]
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
                   errors: String(decoding: complained, as: UTF8.self))
    }

    static func verifier(_ keys: StaffTokenKeySet, for service: String) -> StaffTokenVerifier {
        StaffTokenVerifier(keys: keys, policy: StaffTokenPolicy(
            issuer: ConfigurationKey.staffTokenIssuer.defaultValue.value(for: service), audience: service,
            clockSkew: 60, maxLifetime: 12 * 3600))
    }

    static let staffToken = ["staff-token", "--staff", "tk-cs-014", "--role", "customer_service", "--role", "meter_stock",
                             "--unit", "PC05TK"]

    @Test func aDevelopmentTokenWorksAtEveryServiceWithItsRoles() async throws {
        let run = try Self.evnctl(Self.staffToken, environment: ["EVN_ENV": "development"])
        #expect(run.status == 0)
        let token = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        for service in ["intake", "crm", "metering", "households", "outage", "notification"] {
            let claims = try await Self.verifier(.development, for: service).verify(token)
            #expect(claims.roles == [.customerService, .meterStock])
            #expect(claims.unit == "PC05TK")
        }
    }

    @Test func aTokenForOneServiceIsRefusedByTheOthers() async throws {
        let run = try Self.evnctl(Self.staffToken + ["--audience", "crm"], environment: ["EVN_ENV": "development"])
        let token = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await Self.verifier(.development, for: "crm").verify(token).staffId == "tk-cs-014")
        await #expect(throws: StaffTokenRefusal.wrongAudience) {
            try await Self.verifier(.development, for: "metering").verify(token)
        }
    }

    @Test(arguments: [[:], ["EVN_ENV": "production"]])
    func outsideDevelopmentNoTokenIsMintedAndTheCommandSaysWhy(environment: [String: String]) throws {
        let run = try Self.evnctl(Self.staffToken, environment: environment)
        #expect(run.status != 0)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("EVN_ENV=development"))
    }

    @Test func aLifetimeAboveTheCapIsRefused() throws {
        let run = try Self.evnctl(Self.staffToken + ["--hours", "13"], environment: ["EVN_ENV": "development"])
        #expect(run.status != 0)
        #expect(run.errors.contains("STAFF_TOKEN_MAX_LIFETIME_HOURS"))
    }

    /// The operator's key pair: the set starts a production service, the private key signs
    /// tokens it accepts, and a rotation keeps the old key beside the new one.
    @Test func aGeneratedKeyPairRunsAProductionServiceAndRotates() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("staff-keys-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let privateKey = folder.appendingPathComponent("staff-token-2026-12.pem").path
        let keySet = folder.appendingPathComponent("staff-token-keys.json").path
        let made = try Self.evnctl(["staff-token-keys", "--kid", "2026-12", "--private-key", privateKey, "--key-set", keySet],
                                   environment: [:])
        #expect(made.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: privateKey)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let production = try ServiceConfiguration(service: "crm", environment: [
            "AMQP_URL": "amqp://crm:Zq8vN3xLr0TfWk2u@broker.internal:5672/evn",
            "PERSONAL_DATA_KEY": "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=", "STAFF_TOKEN_KEYS_FILE": keySet,
        ])
        #expect(production.staffTokens.keys.keys.map(\.kid) == ["2026-12"])
        let signingKey = try StaffTokenSigningKey(id: "2026-12", pem: String(contentsOfFile: privateKey, encoding: .utf8))
        let token = try await StaffTokenIssuer(signingKey: signingKey, issuer: production.staffTokens.issuer).issue(
            StaffClaims(staffId: "tk-cs-014", roles: [.customerService], unit: "PC05TK",
                        expiresAt: Date().addingTimeInterval(3600)), audience: ["crm"])
        #expect(try await Self.verifier(production.staffTokens.keys, for: "crm").verify(token).staffId == "tk-cs-014")

        let again = try Self.evnctl(["staff-token-keys", "--kid", "2027-06", "--private-key", privateKey, "--key-set", keySet],
                                    environment: [:])
        #expect(again.status != 0, "an existing private key was overwritten")

        let rotated = folder.appendingPathComponent("staff-token-keys-2027-06.json").path
        let rotation = try Self.evnctl(["staff-token-keys", "--kid", "2027-06", "--private-key",
                                        folder.appendingPathComponent("staff-token-2027-06.pem").path,
                                        "--key-set", rotated, "--keep", keySet], environment: [:])
        #expect(rotation.status == 0)
        let both = try StaffTokenKeySet(json: Data(contentsOf: URL(fileURLWithPath: rotated)))
        #expect(both.keys.map(\.kid) == ["2027-06", "2026-12"])
        #expect(try await Self.verifier(both, for: "crm").verify(token).staffId == "tk-cs-014")
    }
}
