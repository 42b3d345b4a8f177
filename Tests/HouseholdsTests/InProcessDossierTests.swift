import Contracts
import Foundation
@testable import Households
import ServiceKit
import StaffAuth
import TestSupport
import Testing

/// Dossiers opened from signed contracts, sub-households registered at the counter and by an
/// approved request, the corporation-wide duplicate check, and the count changes crm hears of,
/// with households run in-process on its own store and no broker, on a clock the test sets.
@Suite struct InProcessDossierTests {
    /// Monday 2 March 2026, 10:00 in Vietnam.
    static let now = Date(timeIntervalSince1970: 1_772_420_400)
    static let customerCode = "PC05TK0000123"

    @Test func aSignedContractOpensOneDossierWhoseHouseholdsLaterScreeningsFind() async throws {
        let households = try Self.service()
        let contract = Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123", customerCode: Self.customerCode)
        try await households.deliver(contract)
        try await households.deliver(contract)

        let dossier = try await households.dossier(Self.customerCode)
        #expect(dossier.contractNumber == "HĐ-TK-2025-000123")
        #expect(dossier.members.map(\.maskedIdNumber) == ["049*******45", "049*******21"])
        #expect(dossier.allowance == HouseholdQuarters.Shown(quarters: 8, households: "2"))
        #expect(try await households.sent(HouseholdCountChanged.self).isEmpty, "a new dossier's first count is no change")

        try await households.deliver(ScreenIdentities(requestCode: "PC05HA-260302-000001", requestKind: .meterSplit,
                                                      idNumbers: [Samples.stranger.idNumber, Samples.tenant.idNumber]))
        try await households.deliver(ScreenIdentities(requestCode: "PC05HA-260302-000002", requestKind: nil,
                                                      idNumbers: [Samples.stranger.idNumber]))
        let answers = try await households.sent(ScreeningCompleted.self)
        #expect(answers.map(\.outcome) == [.conflict, .clear])
        #expect(answers.map(\.requestKind) == [.meterSplit, nil], "each answer names the kind its command named")
        #expect(answers.first?.conflicts == [ScreeningConflict(maskedIdNumber: "049*******21", unit: Samples.unit,
                                                               customerCode: Self.customerCode)])
        #expect(answers.first?.screenedAt == Self.now)
    }

    @Test func aSubHouseholdRegisteredAtTheCounterCountsByTheQuarterAndCrmHearsTheNewCount() async throws {
        let households = try Self.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))

        let registration = try await households.definition.program.registerSubHousehold(
            Self.form(Samples.stranger, persons: 3), customerCode: Self.customerCode, by: Self.officer(Samples.unit))
        guard case .registered(let household) = registration else {
            Issue.record("refused: \(registration)")
            return
        }
        #expect(household.counting)
        #expect(household.persons == 3)
        #expect(household.maskedIdNumber == "048*******34")

        let dossier = try await households.dossier(Self.customerCode)
        #expect(dossier.allowance == HouseholdQuarters.Shown(quarters: 11, households: "2¾"))
        let changes = try await households.sent(HouseholdCountChanged.self)
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        #expect(change.dossierId == dossier.dossierId)
        #expect(change.customerCode == Self.customerCode)
        #expect(change.unit == Samples.unit)
        #expect(change.contractNumber == "HĐ-TK-2025-000123")
        #expect((change.previousQuarters, change.newQuarters) == (8, 11))
        #expect(change.reason == .subHouseholdRegistered)
        #expect(change.effectiveOn.description == "2026-03-02", "today in Vietnam on the service's clock")
        #expect(change.changedAt == Self.now)
        #expect(change.requestCode == nil, "staff registered it; no customer's request moved the count")
    }

    @Test func aHouseholdInAnotherUnitsDossierIsRefusedNamingTheUnitOnlyAndNothingIsCounted() async throws {
        let households = try Self.service()
        var elsewhere = Samples.registerMainHousehold(contractNumber: "HĐ-HA-2025-000020", customerCode: "PC05HA0000020")
        elsewhere.requestCode = "PC05HA-251124-000020"
        elsewhere.site.branchCode = Samples.otherUnit
        elsewhere.holder = Samples.neighbour
        elsewhere.subHouseholds = [Samples.stranger]
        try await households.deliver(elsewhere)
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))

        let registration = try await households.definition.program.registerSubHousehold(
            Self.form(Samples.stranger), customerCode: Self.customerCode, by: Self.officer(Samples.unit))
        guard case .duplicates(let duplicate) = registration else {
            Issue.record("registered although the household is in Hội An's dossier: \(registration)")
            return
        }
        let conflict = try #require(duplicate.conflicts.first)
        #expect(duplicate.conflicts.count == 1)
        #expect(conflict.key == .idNumber)
        #expect(conflict.maskedKey == "048*******34")
        #expect(conflict.holdings.map(\.unit) == [Samples.otherUnit])
        #expect(conflict.holdings.allSatisfy { $0.customerCode == nil && $0.dossierId == nil },
                "another unit's dossier is named by its unit only")

        let dossier = try await households.dossier(Self.customerCode)
        #expect(dossier.members.count == 2)
        #expect(dossier.allowance.quarters == 8)
        #expect(try await households.sent(HouseholdCountChanged.self).isEmpty)
    }

    @Test func anApprovedRequestsHouseholdsJoinTheMetersDossierOnceAndTheChangeNamesTheRequest() async throws {
        let households = try Self.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let approved = RegisterSubHouseholds(
            requestCode: "PC05TK-260302-000051", customerCode: Self.customerCode, unit: Samples.unit,
            holder: Samples.holder, holderPhone: "+84905123456", subHouseholds: [Samples.neighbour])
        try await households.deliver(approved)
        try await households.deliver(approved)

        let changes = try await households.sent(HouseholdCountChanged.self)
        #expect(changes.count == 1, "the request's households are counted once")
        #expect(changes.first?.requestCode == approved.requestCode, "crm closes the request on it")
        #expect(changes.first?.previousQuarters == 8)
        #expect(changes.first?.newQuarters == 12, "the neighbour's household, permanently resident, counts whole")
        #expect(try await households.dossier(Self.customerCode).members.count == 3)
    }

    /// households on a clock stopped at ``now``.
    static func service() throws -> InMemoryService<HouseholdsService> {
        try InMemoryService<HouseholdsService>(clock: ManualClock(now).wallClock)
    }

    static func officer(_ unit: String) -> StaffClaims {
        StaffClaims(staffId: "tk-hh-01", roles: [.householdsOfficer], unit: unit, expiresAt: now.addingTimeInterval(3600))
    }

    /// `person` as a tenant household with a temporary residence confirmation valid to the end of 2028.
    static func form(_ person: Person, persons: Int? = nil) -> SubHouseholdForm {
        SubHouseholdForm(
            fullName: person.fullName, idNumber: person.idNumber,
            permanentAddress: "Thôn Phú Mỹ, xã Tam Thăng, Quảng Nam",
            residenceConfirmation: ResidenceConfirmationForm(issuer: "Công an phường An Mỹ", number: "XN-2026-0117",
                                                             issuedOn: "2026-01-15", validUntil: "2028-12-31"),
            persons: persons)
    }
}

extension InMemoryService<HouseholdsService> {
    var definition: HouseholdsService { host.definition }

    /// The active dossier of `customerCode` as its unit's officer sees it.
    func dossier(_ customerCode: String) async throws -> DossierView {
        try await definition.program.dossier(customerCode: customerCode, by: InProcessDossierTests.officer(Samples.unit))
    }
}
