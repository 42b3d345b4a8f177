import Contracts
import Foundation
@testable import Households
import TestSupport
import Testing

/// A landlord's approved household change that names sub-households whose tenants left
/// (`leavingSubHouseholdIds` on `households.register-sub-households`): households ends them in
/// the meter's own dossier only, once per request, and crm hears the lower count or the refusal.
@Suite struct LeavingHouseholdsTests {
    static let customerCode = InProcessDossierTests.customerCode
    static let requestCode = "PC05TK-260302-000061"

    @Test func theTenantsThatLeftEndOnceAndTheCountFallsNamingTheRequest() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)

        let approved = Self.change(leaving: [tenant])
        try await households.deliver(approved)
        try await households.deliver(approved)

        let changes = try await households.sent(HouseholdCountChanged.self)
        #expect(changes.count == 1, "a redelivered command ends nothing again")
        let change = try #require(changes.first)
        #expect((change.previousQuarters, change.newQuarters) == (8, 4), "the holder alone is left on the meter")
        #expect(change.reason == .subHouseholdEnded)
        #expect(change.requestCode == Self.requestCode, "crm amends the contract on the request's ticket")
        let dossier = try await households.dossier(Self.customerCode)
        #expect(dossier.allowance == HouseholdQuarters.Shown(quarters: 4, households: "1"))
        #expect(dossier.members.first { $0.subHouseholdId == tenant }?.status == .ended)
        #expect(dossier.members.first { $0.subHouseholdId == tenant }?.counting == false, "nor counts on the dossier")
        #expect(try await households.sent(SubHouseholdsRefused.self).isEmpty)
    }

    @Test func householdsJoiningAndLeavingInOneRequestAreOneChange() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)

        try await households.deliver(Self.change(joining: [Samples.neighbour, Samples.stranger], leaving: [tenant]))

        let changes = try await households.sent(HouseholdCountChanged.self)
        #expect(changes.map(\.newQuarters) == [12], "holder, neighbour and stranger; the tenant left")
        #expect(changes.first?.previousQuarters == 8)
        let members = try await households.dossier(Self.customerCode).members
        #expect(members.map(\.status) == [.active, .ended, .active, .active])
    }

    @Test(arguments: [
        ["SH-999"],  // no such household
        ["SH-OTHER"],  // not a households reference at all
    ])
    func aReferenceTheMeterDoesNotHoldRefusesTheRequestAndChangesNothing(leaving: [String]) async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)

        try await households.deliver(Self.change(joining: [Samples.neighbour], leaving: [tenant] + leaving))

        let refusals = try await households.sent(SubHouseholdsRefused.self)
        #expect(refusals.map(\.unknownSubHouseholdIds) == [leaving], "only the references the meter does not hold")
        #expect(refusals.first?.requestCode == Self.requestCode)
        #expect(try await households.sent(HouseholdCountChanged.self).isEmpty)
        let dossier = try await households.dossier(Self.customerCode)
        #expect(dossier.allowance.quarters == 8, "neither the known tenant ended nor the neighbour joined")
        #expect(dossier.members.map(\.status) == [.active, .active])
    }

    @Test func anotherCustomersSubHouseholdCannotBeEnded() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        var other = Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000124", customerCode: "PC05TK0000124")
        other.requestCode = "PC05TK-251124-000124"
        other.holder = Samples.person(1)
        other.subHouseholds = [Samples.person(2)]
        try await households.deliver(other)
        let othersTenant = try #require(try await households.dossier("PC05TK0000124").members.last?.subHouseholdId)

        try await households.deliver(Self.change(leaving: [othersTenant]))

        #expect(try await households.sent(SubHouseholdsRefused.self).map(\.unknownSubHouseholdIds) == [[othersTenant]])
        #expect(try await households.sent(HouseholdCountChanged.self).isEmpty)
        #expect(try await households.dossier("PC05TK0000124").members.map(\.status) == [.active, .active],
                "the other meter's tenant still shares it")
    }

    @Test func aMeterWithoutAnActiveDossierHasNoHouseholdToEnd() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Self.change(leaving: ["SH-1"]))
        #expect(try await households.sent(SubHouseholdsRefused.self).map(\.unknownSubHouseholdIds) == [["SH-1"]])
        #expect(try await households.sent(HouseholdCountChanged.self).isEmpty)
    }

    static func change(joining: [Person] = [], leaving: [String]) -> RegisterSubHouseholds {
        RegisterSubHouseholds(requestCode: requestCode, customerCode: customerCode, unit: Samples.unit,
                              holder: Samples.holder, holderPhone: "+84905123456", subHouseholds: joining,
                              leavingSubHouseholdIds: leaving)
    }
}
