import Contracts
import Foundation
import TestSupport
import Testing

/// After a change of holder outage texts the new holder, never again the one leaving: crm's
/// `crm.contract.holder-changed` gives the supply point the new holder's phone.
@Suite struct SupplyPointHolderChangeTests {
    static let newHolderPhone = "+84987000111"

    /// crm's event: the contract of `customerCode` passed to a holder reached at `phone`.
    static func holderChanged(_ customerCode: String = SupplyPointsFromContractsTests.customerCode,
                              phone: String? = newHolderPhone, communeCode: String? = Samples.anMy,
                              at changedAt: Date = Date(timeIntervalSince1970: 1_796_100_000)) -> ContractHolderChanged {
        ContractHolderChanged(
            contractNumber: "HĐ-TK-2026-\(customerCode.suffix(6))", requestCode: "PC05TK-261204-\(customerCode.suffix(6))",
            branch: Samples.tamKy, customerCode: customerCode, effectiveOn: CalendarDate("2026-12-04")!,
            changedAt: changedAt, communeCode: communeCode, holderContact: phone.map { CustomerContact(phone: $0) })
    }

    @Test func aPlannedOutageTextsTheNewHolderNotTheOneLeaving() async throws {
        try await OutageHarness.run { outage in
            let signed = SupplyPointsFromContractsTests.signed()
            try await outage.publish(signed, correlationId: signed.requestCode, appId: "crm")
            let change = Self.holderChanged()
            try await outage.publish(change, correlationId: change.requestCode, appId: "crm")
            // Late and repeated events change nothing: the signature and an older change predate it.
            try await outage.publish(signed, correlationId: signed.requestCode, appId: "crm")
            try await outage.publish(Self.holderChanged(phone: "+84905000999", at: change.changedAt.addingTimeInterval(-60)),
                                     correlationId: change.requestCode, appId: "crm")
            let later = SupplyPointsFromContractsTests.signed("PC05TK0000124", communeCode: Samples.tanThanh)
            try await outage.publish(later, correlationId: later.requestCode, appId: "crm")
            try await eventually("outage took every event") { try await outage.count("outage_supply_points") == 2 }

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 1)
            let notices = try await outage.awaitSent(SendOutageNotice.routingKey)
            #expect(notices.map { $0["phone"] as? String } == [Self.newHolderPhone])
        }
    }

    /// crm stamps in whole seconds: a new holder who signs within the second the contract was
    /// signed is still the one texted, and the signature arriving again after it changes nothing.
    @Test func aChangeInTheSecondOfTheSigningStillPassesThePhone() async throws {
        try await OutageHarness.run { outage in
            let signed = SupplyPointsFromContractsTests.signed()
            try await outage.publish(signed, correlationId: signed.requestCode, appId: "crm")
            let change = Self.holderChanged(at: signed.signedAt)
            try await outage.publish(change, correlationId: change.requestCode, appId: "crm")
            try await outage.publish(signed, correlationId: signed.requestCode, appId: "crm")
            let later = SupplyPointsFromContractsTests.signed("PC05TK0000124", communeCode: Samples.tanThanh)
            try await outage.publish(later, correlationId: later.requestCode, appId: "crm")
            try await eventually("outage took every event") { try await outage.count("outage_supply_points") == 2 }

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            _ = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch).expect(201)
            let notices = try await outage.awaitSent(SendOutageNotice.routingKey)
            #expect(notices.map { $0["phone"] as? String } == [Self.newHolderPhone])
        }
    }

    @Test func aNewHolderWithoutAPhoneLeavesTheOneLeavingUntexted() async throws {
        try await OutageHarness.run { outage in
            let signed = SupplyPointsFromContractsTests.signed()
            try await outage.publish(signed, correlationId: signed.requestCode, appId: "crm")
            let change = Self.holderChanged(phone: nil, communeCode: nil)
            try await outage.publish(change, correlationId: change.requestCode, appId: "crm")
            let later = SupplyPointsFromContractsTests.signed("PC05TK0000124", communeCode: Samples.tanThanh)
            try await outage.publish(later, correlationId: later.requestCode, appId: "crm")
            try await eventually("outage took every event") { try await outage.count("outage_supply_points") == 2 }

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 0, "the one leaving is not texted about a supply point no longer theirs")
        }
    }

    @Test func aChangeAtAnUnknownSupplyPointPlacesItOrIsDeadLettered() async throws {
        try await OutageHarness.run { outage in
            let unplaceable = Self.holderChanged("PC05TK0000301", communeCode: nil)
            try await outage.publish(unplaceable, correlationId: unplaceable.requestCode, appId: "crm")
            let placed = Self.holderChanged("PC05TK0000302")
            try await outage.publish(placed, correlationId: placed.requestCode, appId: "crm")
            try await eventually("the placeable one recorded") { try await outage.count("outage_supply_points") == 1 }
            try await eventually("the other dead-lettered") { try await outage.broker.queueDepth("outage.dead") == 1 }

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 1)
            let notices = try await outage.awaitSent(SendOutageNotice.routingKey)
            #expect(notices.map { $0["phone"] as? String } == [Self.newHolderPhone])
        }
    }
}
