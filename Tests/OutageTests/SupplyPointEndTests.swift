import Contracts
import Foundation
import TestSupport
import Testing

/// A termination's final reading ends the supply point's contract: crm's `crm.contract.ended`
/// has outage drop the supply point, so its phone gets no more outage texts.
@Suite struct SupplyPointEndTests {
    /// crm's event: the contract of `customerCode` ended at `endedAt`.
    static func ended(_ customerCode: String = SupplyPointsFromContractsTests.customerCode,
                      at endedAt: Date = Date(timeIntervalSince1970: 1_796_200_000)) -> ContractEnded {
        ContractEnded(
            contractNumber: "HĐ-TK-2026-\(customerCode.suffix(6))", requestCode: "PC05TK-261205-\(customerCode.suffix(6))",
            branch: Samples.tamKy, customerCode: customerCode, effectiveOn: CalendarDate("2026-12-05")!, endedAt: endedAt)
    }

    @Test func anEndedContractsSupplyPointIsTextedNoMoreAndAnOlderEndLeavesANewerPoint() async throws {
        try await OutageHarness.run { outage in
            let leaving = SupplyPointsFromContractsTests.signed()
            let neighbour = SupplyPointsFromContractsTests.signed("PC05TK0000124")
            for signed in [leaving, neighbour] {
                try await outage.publish(signed, correlationId: signed.requestCode, appId: "crm")
            }
            try await eventually("both supply points placed") { try await outage.count("outage_supply_points") == 2 }

            let end = Self.ended()
            try await outage.publish(end, correlationId: end.requestCode, appId: "crm")
            try await outage.publish(end, correlationId: end.requestCode, appId: "crm")
            // An end stamped before the neighbour's contract was signed leaves its newer supply point.
            let stale = Self.ended("PC05TK0000124", at: neighbour.signedAt.addingTimeInterval(-60))
            try await outage.publish(stale, correlationId: stale.requestCode, appId: "crm")
            // Events are taken in order: once a later customer is placed, the ones above were handled.
            let later = SupplyPointsFromContractsTests.signed("PC05TK0000125", communeCode: Samples.tanThanh)
            try await outage.publish(later, correlationId: later.requestCode, appId: "crm")
            try await eventually("outage took every event") {
                try await outage.count("outage_supply_points WHERE customer_code = '\(later.customerCode)'") == 1
            }

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 1, "the neighbour in An Mỹ, not the customer whose contract ended")
            #expect(try await outage.count("outage_supply_points WHERE customer_code = '\(leaving.customerCode)'") == 0)
            #expect(try await outage.count("outage_supply_points WHERE customer_code = 'PC05TK0000124'") == 1)
            #expect(try await outage.broker.queueDepth("outage.dead") == 0, "a redelivered or stale end is no error")
        }
    }
}
