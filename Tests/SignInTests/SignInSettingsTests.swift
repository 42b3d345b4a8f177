import Foundation
import ServiceKit
import SignIn
import StaffAuth
import StaffTokenIssuing
import Testing

/// Outside development the sign-in starts only on the deployment's own key, directory and consoles.
@Suite struct SignInSettingsTests {
    /// A production environment every service would start on, with the sign-in's own settings.
    private static func production(_ settings: [String: String]) throws -> ServiceConfiguration {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signin-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try StaffTokenKeyFiles(id: "2026-12", keeping: nil)
        let keySet = folder.appendingPathComponent("keys.json").path
        let privateKey = folder.appendingPathComponent("signing.pem").path
        try files.write(privateKeyPath: privateKey, keySetPath: keySet)
        let development = folder.appendingPathComponent("development.pem").path
        try StaffTokenSigningKey.development.pemRepresentation.write(toFile: development, atomically: true, encoding: .utf8)
        let environment = [
            "EVN_ENV": "production",
            "AMQP_URL": "amqp://signin:a-deployment-password@broker:5672/evn",
            "PERSONAL_DATA_KEY": Data(repeating: 7, count: 32).base64EncodedString(),
            "STAFF_TOKEN_KEYS_FILE": keySet,
            "STAFF_TOKEN_SIGNING_KEY_FILE": privateKey,
            "STAFF_TOKEN_SIGNING_KEY_ID": "2026-12",
            "STAFF_DIRECTORY_URL": "ldaps://directory.evn.example:636",
            "STAFF_DIRECTORY_BIND_PASSWORD": "a-deployment-directory-password",
            "STAFF_CONSOLE_ORIGINS": "https://staff.evn.example",
        ].merging(settings.mapValues { $0 == "development.pem" ? development : $0 }) { $1 }
        return try ServiceConfiguration(service: "signin", environment: environment)
    }

    @Test func theDeploymentsOwnKeyDirectoryAndConsolesStartIt() throws {
        let settings = try SignInSettings(Self.production([:]))
        #expect(settings.signingKey.id == "2026-12")
        #expect(settings.secureCookies)
        #expect(settings.consoleOrigins.destination("https://staff.evn.example/phieu") == "https://staff.evn.example/phieu")
        #expect(settings.consoleOrigins.destination("http://localhost:8081/phieu") == nil)
    }

    @Test func techniciansStockKeepersAndDispatchersAreLinkedToTheirConsoles() throws {
        let settings = try SignInSettings(Self.production([
            "STAFF_CONSOLE_URLS": "metering=https://metering.evn.example,outage=https://outage.evn.example/",
        ]))
        #expect(settings.consoles.reached(by: [.fieldTechnician]).map(\.url) == ["https://metering.evn.example/lenh-cong-tac"])
        #expect(settings.consoles.reached(by: [.meterStock]).map(\.url) == ["https://metering.evn.example/kho-cong-to"])
        #expect(settings.consoles.reached(by: [.dispatcher]).map(\.url) == [
            "https://outage.evn.example/su-co", "https://outage.evn.example/cat-dien-ke-hoach",
            "https://outage.evn.example/diem-cap-dien",
        ])
    }

    @Test(arguments: [
        (["STAFF_TOKEN_SIGNING_KEY_FILE": ""], "STAFF_TOKEN_SIGNING_KEY_FILE"),
        (["STAFF_TOKEN_SIGNING_KEY_FILE": "development.pem"], "STAFF_TOKEN_SIGNING_KEY_FILE"),
        (["STAFF_TOKEN_SIGNING_KEY_ID": ""], "STAFF_TOKEN_SIGNING_KEY_ID"),
        (["STAFF_DIRECTORY_URL": ""], "STAFF_DIRECTORY_URL"),
        (["STAFF_DIRECTORY_BIND_PASSWORD": "evn-dev-directory-reader"], "STAFF_DIRECTORY_BIND_PASSWORD"),
        (["STAFF_CONSOLE_ORIGINS": ""], "STAFF_CONSOLE_ORIGINS"),
        (["STAFF_ACCESS_TOKEN_LIFETIME": "2h", "STAFF_TOKEN_MAX_LIFETIME_HOURS": "1"], "STAFF_ACCESS_TOKEN_LIFETIME"),
        (["STAFF_SESSION_MAX_AGE": "10m"], "STAFF_SESSION_MAX_AGE"),
    ])
    func withoutTheDeploymentsOwnSettingItRefusesToStartNamingTheVariable(settings: [String: String], variable: String) {
        #expect {
            try SignInSettings(Self.production(settings))
        } throws: { error in
            (error as? ConfigurationError)?.variable == variable
        }
    }

    @Test func developmentStartsOnTheDevelopmentKeyAndConsoles() throws {
        let settings = try SignInSettings(ServiceConfiguration(service: "signin", environment: ["EVN_ENV": "development"]))
        #expect(settings.signingKey.id == StaffTokenSigningKey.development.id)
        #expect(!settings.secureCookies)
        #expect(settings.idleTimeout == 30 * 60)
        #expect(settings.maxAge == 10 * 3600)
        #expect(settings.accessTokenLifetime == 5 * 60)
        #expect(settings.consoleOrigins.destination("http://127.0.0.1:8083/ho-dung-chung") != nil)
    }
}
