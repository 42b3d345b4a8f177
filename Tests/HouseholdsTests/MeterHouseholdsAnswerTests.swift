import Contracts
import Foundation
@testable import Households
import TestSupport
import Testing

/// households' answer to the portal's `households.meter-households`: the holder, by the phone
/// the dossier was registered with, reads the references of the households sharing the meter,
/// each name shortened; any other phone, or a meter without a dossier, reads nothing.
@Suite struct MeterHouseholdsAnswerTests {
    static let customerCode = LeavingHouseholdsTests.customerCode

    @Test func theHolderReadsTheCurrentHouseholdsByReferenceWithShortenedNames() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)

        let answer = try #require(try await households.meterHouseholds(Self.customerCode, phone: "+84905123456"))
        #expect(answer.customerCode == Self.customerCode)
        #expect(answer.households.map(\.subHouseholdId) == [tenant], "the sub-households only, not the holder")
        #expect(answer.households.first?.shortName == "T. T. Bích", "Trần Thị Bích, shortened")
        #expect(answer.households.first?.counting == true)
    }

    @Test func aHouseholdThatLeftIsNoLongerListed() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        let tenant = try #require(try await households.dossier(Self.customerCode).members.last?.subHouseholdId)
        try await households.deliver(LeavingHouseholdsTests.change(leaving: [tenant]))

        let answer = try #require(try await households.meterHouseholds(Self.customerCode, phone: "+84905123456"))
        #expect(answer.households.isEmpty)
    }

    @Test func anotherPhoneOrAMeterWithoutADossierReadsNothing() async throws {
        let households = try InProcessDossierTests.service()
        try await households.deliver(Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123",
                                                                   customerCode: Self.customerCode))
        #expect(try await households.meterHouseholds(Self.customerCode, phone: "+84912345678") == nil)
        #expect(try await households.meterHouseholds("PC05TK0099999", phone: "+84905123456") == nil)
    }

    @Test(arguments: [("Trần Thị Bích", "T. T. Bích"), ("Lý Sương", "L. Sương"), ("An", "An"),
                      ("Nguyễn  Văn   Phúc", "N. V. Phúc")])
    func aNameKeepsItsGivenNameAndTheInitialsOfTheRest(name: String, shown: String) {
        #expect(DossierRegistry.shortName(name) == shown)
    }
}

extension InMemoryService<HouseholdsService> {
    /// households' answer to the portal's look-up of `customerCode`'s households by `phone`.
    func meterHouseholds(_ customerCode: String, phone: String) async throws -> MeterHouseholds? {
        let registry = definition.program.registry
        return try await host.context.store.database.read { db in
            try registry.meterHouseholds(customerCode: customerCode, holderPhone: phone, in: db)
        }
    }
}
