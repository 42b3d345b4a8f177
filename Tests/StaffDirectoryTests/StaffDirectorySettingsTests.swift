import ServiceKit
import StaffDirectory
import Testing

/// The `STAFF_DIRECTORY_*` variables: development runs on the defaults, production brings its
/// own account password and speaks TLS.
@Suite struct StaffDirectorySettingsTests {
    static let production = [
        "EVN_ENV": "production",
        "STAFF_DIRECTORY_URL": "ldaps://ldap.evn.example.vn:636",
        "STAFF_DIRECTORY_BIND_DN": "cn=cskh-platform,ou=service-accounts,dc=evn,dc=vn",
        "STAFF_DIRECTORY_BIND_PASSWORD": "Xk7pQ2vR9wLm4tZs",
        "STAFF_DIRECTORY_SEARCH_BASE": "ou=staff,dc=evn,dc=vn",
    ]

    private func refusal(_ environment: [String: String]) throws -> ConfigurationError {
        try #require(throws: ConfigurationError.self) { try StaffDirectorySettings(environment: environment) }
    }

    @Test func developmentRunsOnTheLocalDirectory() throws {
        let settings = try StaffDirectorySettings(environment: ["EVN_ENV": "development"])
        #expect(settings.url == "ldap://127.0.0.1:3389")
        #expect(settings.bindDN == "cn=platform,ou=services,dc=evn,dc=vn")
        #expect(settings.searchBase == "dc=evn,dc=vn")
        #expect(settings.caFile == nil)
        #expect(settings.timeout == .seconds(5))
    }

    @Test func productionTakesItsOwnSettings() throws {
        let settings = try StaffDirectorySettings(environment: Self.production)
        #expect(settings.url == "ldaps://ldap.evn.example.vn:636")
        #expect(settings.bindDN == "cn=cskh-platform,ou=service-accounts,dc=evn,dc=vn")
        #expect(settings.bindPassword == "Xk7pQ2vR9wLm4tZs")
        #expect(settings.searchBase == "ou=staff,dc=evn,dc=vn")
    }

    @Test(arguments: [nil, "", "evn-dev-directory-reader", "Qz7x-9kWm"])
    func productionRefusesAMissingPublicOrShortAccountPassword(password: String?) throws {
        var environment = Self.production
        environment["STAFF_DIRECTORY_BIND_PASSWORD"] = password
        let error = try refusal(environment)
        #expect(error.variable == "STAFF_DIRECTORY_BIND_PASSWORD")
        #expect(error.value == nil)
        if let password, !password.isEmpty {
            #expect(!error.description.contains(password))
        }
    }

    @Test func productionRefusesAPlainLDAPURL() throws {
        let error = try refusal(Self.production.merging(["STAFF_DIRECTORY_URL": "ldap://ldap.evn.example.vn:389"]) { $1 })
        #expect(error.variable == "STAFF_DIRECTORY_URL")
        _ = try StaffDirectorySettings(environment: ["EVN_ENV": "development", "STAFF_DIRECTORY_URL": "ldap://10.0.0.5:389"])
    }

    @Test(arguments: [
        ("STAFF_DIRECTORY_URL", "http://ldap.evn.example.vn"),
        ("STAFF_DIRECTORY_URL", "ldaps://"),
        ("STAFF_DIRECTORY_CA_FILE", "/no/such/ca.pem"),
        ("STAFF_DIRECTORY_TIMEOUT_SECONDS", "0"),
        ("STAFF_DIRECTORY_TIMEOUT_SECONDS", "61"),
        ("STAFF_DIRECTORY_TIMEOUT_SECONDS", "soon"),
        ("EVN_ENV", "staging"),
    ])
    func anUnusableValueIsRefusedNamingItsVariable(variable: String, value: String) throws {
        #expect(try refusal(Self.production.merging([variable: value]) { $1 }).variable == variable)
    }
}
