import Contracts
import Foundation
@testable import Households
import TestSupport
import Testing

/// A household change's leaving references are checked while the change is screened
/// (`households.screen-identities` naming the meter and `leavingSubHouseholdIds`), so that one
/// the meter's dossier does not hold refuses the change before the branch decides on it.
@Suite struct LeavingScreeningTests {
    static let customerCode = LeavingHouseholdsTests.customerCode
    static let requestCode = LeavingHouseholdsTests.requestCode

    @Test func aReferenceTheMeterDoesNotHoldIsRefusedWhileScreening() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)

        try await households.deliver(Self.screening(leaving: [tenant, "SH-999"]))

        let refusals = try await households.sent(SubHouseholdsRefused.self)
        #expect(refusals.map(\.unknownSubHouseholdIds) == [["SH-999"]], "only the reference the meter does not hold")
        #expect(refusals.first?.requestCode == Self.requestCode)
        #expect(refusals.first?.customerCode == Self.customerCode)
        #expect(try await households.sent(ScreeningCompleted.self).map(\.outcome) == [.clear], "the screening still answers")
        #expect(try await households.dossier(Self.customerCode).members.map(\.status) == [.active, .active],
                "screening ends nobody")
        #expect(try await households.sent(HouseholdCountChanged.self).isEmpty)
    }

    @Test func theMetersOwnTenantsPassTheScreening() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)

        try await households.deliver(Self.screening(leaving: [tenant]))

        #expect(try await households.sent(SubHouseholdsRefused.self).isEmpty)
        #expect(try await households.sent(ScreeningCompleted.self).map(\.outcome) == [.clear])
        #expect(try await households.dossier(Self.customerCode).members.map(\.status) == [.active, .active],
                "the tenant ends only once the branch approved the change")
    }

    @Test func aScreeningWithoutTheMeterChecksIdentitiesOnly() async throws {
        let households = try InProcessDossierTests.service()
        var older = Self.screening(leaving: ["SH-999"])
        older.customerCode = nil
        try await households.deliver(older)
        #expect(try await households.sent(SubHouseholdsRefused.self).isEmpty, "a command from before the field")
        #expect(try await households.sent(ScreeningCompleted.self).count == 1)
    }

    static func screening(leaving: [String]) -> ScreenIdentities {
        ScreenIdentities(requestCode: requestCode, requestKind: .householdCountChange, idNumbers: [],
                         customerCode: customerCode, leavingSubHouseholdIds: leaving)
    }
}
