import Foundation
import ServiceKit
import StaffAuth
import Testing

/// Which unit staff act for when a new record's body may name one.
@Suite struct StaffClaimsTests {
    static func claims(unit: String) -> StaffClaims {
        StaffClaims(staffId: "tk-ms-002", roles: [.meterStock], unit: unit, expiresAt: Date().addingTimeInterval(3600))
    }

    @Test func branchStaffActForTheirOwnUnitWhetherOrNotTheBodyNamesIt() throws {
        let branch = Self.claims(unit: "PC05TK")
        #expect(try branch.actingUnit(named: nil, field: "branchCode") == "PC05TK")
        #expect(try branch.actingUnit(named: "  ", field: "branchCode") == "PC05TK")
        #expect(try branch.actingUnit(named: " pc05tk ", field: "branchCode") == "PC05TK")
    }

    @Test func branchStaffNamingAnotherUnitAreRefusedInVietnameseAndEnglish() throws {
        let error = try #require(throws: APIError.self) {
            try Self.claims(unit: "PC05TK").actingUnit(named: "PC05HA", field: "unit")
        }
        #expect(error.status == .forbidden)
        let problem = try #require(error.errors.first)
        #expect(problem.field == "unit")
        #expect(problem.code == "auth.other_unit_named")
        #expect(!problem.message.vi.isEmpty && !problem.message.en.isEmpty)
    }

    @Test func corporationStaffLeaveTheUnitToTheBody() throws {
        let corporation = Self.claims(unit: StaffClaims.corporationUnit)
        #expect(try corporation.actingUnit(named: "PC05HA", field: "branchCode") == nil)
        #expect(try corporation.actingUnit(named: nil, field: "branchCode") == nil)
        #expect(corporation.ownUnit == nil)
        #expect(Self.claims(unit: "PC05TK").ownUnit == "PC05TK")
    }
}
