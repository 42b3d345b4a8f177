import Foundation
import StaffAuth
import StaffDirectory
import TestSupport
import Testing

/// Sign-ins against the real development directory (`scripts/directory.sh`, seeded from
/// `deploy/directory/staff.ldif`), which `scripts/test.sh` starts and names in `STAFF_DIRECTORY_URL`.
@Suite(.enabled(if: DirectoryUnderTest.settings != nil,
                "STAFF_DIRECTORY_URL is unset: run scripts/test.sh, or scripts/directory.sh start and export what scripts/directory.sh env prints"))
struct StaffDirectoryTests {
    private let directory = StaffDirectory(settings: DirectoryUnderTest.settings!)
    private let password = DirectoryUnderTest.staffPassword

    @Test func theRightPasswordGivesThePersonWithTheirUnitAndRole() async throws {
        let person = try await directory.authenticate(username: "tk-cs-01", password: password)
        #expect(person == DirectoryPerson(uid: "tk-cs-01", displayName: "Trần Thị Mai", mail: "tk-cs-01@evn.example.vn",
                                          unit: "PC05TK", roles: [.customerService]))
    }

    /// Corporation and branch staff, in one group or two: uid, unit, roles.
    static let staff: [(String, String, Set<StaffRole>)] = [
        ("hq-cc-01", "CORP", [.callCentre]),
        ("ha-gd-01", "PC05HA", [.branchHead]),
        ("tk-cs-02", "PC05TK", [.customerService, .meterStock]),
        ("hq-qlhp-01", "CORP", [.householdsOfficer, .householdsSupervisor]),
    ]

    @Test(arguments: staff)
    func everyGroupOfThePersonIsARole(uid: String, unit: String, roles: Set<StaffRole>) async throws {
        let person = try await directory.authenticate(username: uid, password: password)
        #expect(person.unit == unit)
        #expect(person.roles == roles)
    }

    @Test(arguments: [
        ("tk-cs-01", "not-the-password"),
        ("tk-cs-01", "EVN-DEV-STAFF"),
        ("no-such-person", DirectoryUnderTest.staffPassword),
        ("no-such-person", "not-the-password"),
        ("tk-cs-01", ""),
        ("", DirectoryUnderTest.staffPassword),
    ])
    func aWrongPasswordAnUnknownPersonAndAnEmptyPasswordGiveTheSameError(username: String, password: String) async {
        await #expect(throws: StaffDirectoryError.wrongCredentials) {
            try await directory.authenticate(username: username, password: password)
        }
    }

    /// Each username would, put into the search filter as typed, match someone: one person
    /// (whose password is then right) or everyone.
    @Test(arguments: ["*)(uid=*", "admin)(|(uid=*", "tk-kho-0*", "*", "tk-kho-01)(uid=tk-kho-01", "tk-kho-01\\2a"])
    func aFilterInjectionFindsNoOne(username: String) async {
        await #expect(throws: StaffDirectoryError.wrongCredentials) {
            try await directory.authenticate(username: username, password: password)
        }
    }

    @Test func aPersonWithoutAUnitIsRefusedOnlyOnceTheirPasswordIsRight() async {
        await #expect(throws: StaffDirectoryError.noUnit(uid: "new-hire-01")) {
            try await directory.authenticate(username: "new-hire-01", password: password)
        }
        await #expect(throws: StaffDirectoryError.wrongCredentials) {
            try await directory.authenticate(username: "new-hire-01", password: "not-the-password")
        }
    }

    @Test func theUsernameIsMatchedAsTheDirectoryMatchesIt() async throws {
        // uid compares without case in the directory; the person is recorded under their own uid.
        let person = try await directory.authenticate(username: "TK-KHO-01", password: password)
        #expect(person.uid == "tk-kho-01")
        #expect(person.roles == [.meterStock])
    }

    @Test func aPersonIsReadAgainWithoutTheirPassword() async throws {
        let person = try await directory.person(uid: "tk-qlhp-02")
        #expect(person?.uid == "tk-qlhp-02")
        #expect(person?.unit == "PC05TK")
        #expect(person?.roles == [.householdsOfficer, .householdsSupervisor])
    }

    @Test(arguments: ["no-such-person", "", "*", "tk-kho-0*", "tk-kho-01)(uid=tk-kho-01"])
    func readingSomeoneWhoIsNotThereGivesNoOne(uid: String) async throws {
        #expect(try await directory.person(uid: uid) == nil)
    }

    @Test func readingAPersonWithoutAUnitSaysSo() async {
        await #expect(throws: StaffDirectoryError.noUnit(uid: "new-hire-01")) {
            try await directory.person(uid: "new-hire-01")
        }
    }

    @Test func aRefusedPlatformAccountIsAnUnavailableDirectoryNotAWrongPassword() async throws {
        let settings = try #require(DirectoryUnderTest.settings)
        let misconfigured = StaffDirectory(settings: StaffDirectorySettings(
            url: settings.url, bindDN: settings.bindDN, bindPassword: "not-the-account-password", searchBase: settings.searchBase))
        let reason = await expectUnavailable { try await misconfigured.authenticate(username: "tk-cs-01", password: password) }
        #expect(reason?.contains("Invalid credentials") == true)
    }

    @Test func manySignInsRunSideBySide() async throws {
        let uids = ["tk-cs-01", "tk-kt-01", "tk-dd-01", "ha-cs-01", "ha-kt-01", "hq-dd-01", "tk-qlhp-01", "ha-dd-01"]
        let units = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for uid in uids {
                group.addTask { (uid, try await directory.authenticate(username: uid, password: password).unit) }
            }
            return try await group.reduce(into: [String: String]()) { $0[$1.0] = $1.1 }
        }
        #expect(units == Dictionary(uniqueKeysWithValues: uids.map { ($0, $0.hasPrefix("tk") ? "PC05TK" : $0.hasPrefix("ha") ? "PC05HA" : "CORP") }))
    }
}

/// The directory over `ldaps://` (`STAFF_DIRECTORY_TLS_URL`, the CA in `STAFF_DIRECTORY_CA_FILE`).
@Suite(.enabled(if: DirectoryUnderTest.tlsSettings(caFile: nil) != nil,
                "STAFF_DIRECTORY_TLS_URL or STAFF_DIRECTORY_CA_FILE is unset: run scripts/test.sh"))
struct StaffDirectoryTLSTests {
    @Test func overLDAPSWithTheDirectorysCATheRightPasswordGivesThePerson() async throws {
        let settings = try #require(DirectoryUnderTest.tlsSettings(caFile: DirectoryUnderTest.environment["STAFF_DIRECTORY_CA_FILE"]))
        let person = try await StaffDirectory(settings: settings)
            .authenticate(username: "ha-cs-01", password: DirectoryUnderTest.staffPassword)
        #expect(person.unit == "PC05HA")
        #expect(person.roles == [.customerService])
    }

    @Test func aCertificateThatDoesNotChainToTheTrustedCAsMakesTheDirectoryUnavailable() async throws {
        // The system's CAs do not include the development directory's own.
        let settings = try #require(DirectoryUnderTest.tlsSettings(caFile: nil))
        await expectUnavailable {
            try await StaffDirectory(settings: settings).authenticate(username: "ha-cs-01", password: DirectoryUnderTest.staffPassword)
        }
    }
}

/// A directory that is not there, or does not answer: the sign-in says "unavailable" in bounded time.
@Suite struct UnavailableDirectoryTests {
    private func settings(port: Int, timeout: Duration) -> StaffDirectorySettings {
        StaffDirectorySettings(url: "ldap://127.0.0.1:\(port)", bindDN: "cn=platform,ou=services,dc=evn,dc=vn",
                               bindPassword: "evn-dev-directory-reader", searchBase: "dc=evn,dc=vn", timeout: timeout)
    }

    /// How long a sign-in against `settings` takes to say the directory is unavailable.
    private func timeToUnavailable(_ settings: StaffDirectorySettings) async -> Duration {
        await ContinuousClock().measure {
            await expectUnavailable {
                try await StaffDirectory(settings: settings).authenticate(username: "tk-cs-01", password: "evn-dev-staff")
            }
        }
    }

    @Test func aStoppedDirectoryIsUnavailableAtOnce() async throws {
        let closed = try LoopbackSocket(listening: false)
        defer { withExtendedLifetime(closed) {} }
        // At once, not after the 30 s timeout: half of it leaves room for a machine busy with
        // the other suites, and a client that waited for the timeout still fails.
        #expect(await timeToUnavailable(settings(port: closed.port, timeout: .seconds(30))) < .seconds(15))
    }

    @Test func aDirectoryThatNeverAnswersIsUnavailableAfterTheTimeout() async throws {
        let silent = try LoopbackSocket(listening: true)
        defer { withExtendedLifetime(silent) {} }
        let elapsed = await timeToUnavailable(settings(port: silent.port, timeout: .seconds(1)))
        #expect(elapsed >= .seconds(1))
        #expect(elapsed < .seconds(10))
    }
}
