import Foundation
import StaffAuth
import StaffDirectory
import TestSupport
import Testing

/// A branch's people by role, as crm asks for them to e-mail deadlines, from the real
/// development directory (`deploy/directory/staff.ldif`).
@Suite(.enabled(if: DirectoryUnderTest.settings != nil, "STAFF_DIRECTORY_URL is unset: run scripts/test.sh"))
struct BranchPeopleTests {
    private let directory = StaffDirectory(settings: DirectoryUnderTest.settings!)

    @Test func aBranchsOfficersAndHeadAreListedWithTheirAddresses() async throws {
        let people = try await directory.people(of: "PC05TK", holding: [.customerService, .branchHead])
        #expect(people == [
            DirectoryPerson(uid: "tk-cs-01", displayName: "Trần Thị Mai", mail: "tk-cs-01@evn.example.vn",
                            unit: "PC05TK", roles: [.customerService]),
            DirectoryPerson(uid: "tk-cs-02", displayName: "Lê Hoàng Nam", mail: "tk-cs-02@evn.example.vn",
                            unit: "PC05TK", roles: [.customerService]),
            DirectoryPerson(uid: "tk-gd-01", displayName: "Nguyễn Văn Hùng", mail: "tk-gd-01@evn.example.vn",
                            unit: "PC05TK", roles: [.branchHead]),
        ], "tk-cs-02's other role (meter stock) is not asked for; the technicians and stock keepers are not listed")
    }

    @Test func anotherBranchsPeopleAreNotListed() async throws {
        let headsOnly = try await directory.people(of: "PC05HA", holding: [.branchHead])
        #expect(headsOnly.map(\.uid) == ["ha-gd-01"])
        let officers = try await directory.people(of: "PC05HA", holding: [.customerService])
        #expect(officers.map(\.uid) == ["ha-cs-01"])
        #expect(try await directory.people(of: "PC99XX", holding: [.customerService, .branchHead]).isEmpty)
    }

    @Test func aUnitThatLooksLikeAFilterFindsNoOne() async throws {
        #expect(try await directory.people(of: "*", holding: [.customerService]).isEmpty)
        #expect(try await directory.people(of: "PC05TK)(departmentNumber=*", holding: [.customerService]).isEmpty)
    }

    @Test func aStoppedDirectoryIsAnErrorNotAnEmptyList() async throws {
        let closed = try LoopbackSocket(listening: false)
        defer { withExtendedLifetime(closed) {} }
        let settings = try #require(DirectoryUnderTest.settings)
        let stopped = StaffDirectory(settings: StaffDirectorySettings(
            url: "ldap://127.0.0.1:\(closed.port)", bindDN: settings.bindDN, bindPassword: settings.bindPassword,
            searchBase: settings.searchBase, timeout: .seconds(5)))
        await #expect {
            try await stopped.people(of: "PC05TK", holding: [.customerService, .branchHead])
        } throws: { error in
            if case StaffDirectoryError.unavailable = error { true } else { false }
        }
    }
}
