import Contracts
import Foundation
import TestSupport
import Testing

/// A customer who signs today is known to outage today: crm's signed contract places the
/// supply point, and the billing system's export does not overwrite it.
@Suite struct SupplyPointsFromContractsTests {
    static let customerCode = "PC05TK0000123"
    static let holderPhone = "+84905000777"

    /// crm's event for the contract of `customerCode` in `communeCode`.
    static func signed(_ customerCode: String = customerCode, communeCode: String = Samples.anMy,
                       at signedAt: Date = Date(timeIntervalSince1970: 1_796_000_000)) -> ContractSigned {
        ContractSigned(contractNumber: "HĐ-TK-2026-\(customerCode.suffix(6))", requestCode: "QNA-26-\(customerCode.suffix(6))",
                       branch: Samples.tamKy, customerCode: customerCode, meterSerial: "VN-\(customerCode.suffix(6))",
                       householdCount: 1, signedAt: signedAt, communeCode: communeCode, holderPhone: holderPhone)
    }

    @Test func aSignedContractsCustomerIsToldOfAPlannedOutageInTheirCommune() async throws {
        try await OutageHarness.run { outage in
            let contract = Self.signed()
            let messageId = try await outage.publish(contract, correlationId: contract.requestCode, appId: "crm")
            try await eventually("outage recorded the supply point") { try await outage.count("outage_supply_points") == 1 }
            // A redelivery, and the same event published twice, change nothing.
            try await outage.publish(contract, messageId: messageId, correlationId: contract.requestCode, appId: "crm")
            try await outage.publish(contract, correlationId: contract.requestCode, appId: "crm")
            try await outage.publish(Self.signed(communeCode: Samples.tanThanh, at: contract.signedAt.addingTimeInterval(-60)),
                                     correlationId: contract.requestCode, appId: "crm")
            // Events are taken in order: once a later customer is placed, the ones above were handled.
            let later = Self.signed("PC05TK0000124", communeCode: Samples.tanThanh)
            try await outage.publish(later, correlationId: later.requestCode, appId: "crm")
            try await eventually("outage took every event") { try await outage.count("outage_supply_points") == 2 }

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 1, "the new customer of An Mỹ, once; an older event did not move them")
            let notices = try await outage.awaitSent(SendOutageNotice.routingKey)
            #expect(notices.map { $0["phone"] as? String } == [Self.holderPhone])
        }
    }

    @Test func aContractEventWithoutCommuneOrWithAForeignPhoneIsDeadLetteredAndTheServiceGoesOn() async throws {
        try await OutageHarness.run { outage in
            var noCommune = Self.signed("PC05TK0000201")
            noCommune.communeCode = nil
            var foreignPhone = Self.signed("PC05TK0000202")
            foreignPhone.holderPhone = "+1555000111"
            for bad in [noCommune, foreignPhone] {
                try await outage.publish(bad, correlationId: bad.requestCode, appId: "crm")
            }
            let good = Self.signed("PC05TK0000203")
            try await outage.publish(good, correlationId: good.requestCode, appId: "crm")
            try await eventually("the good contract placed") { try await outage.count("outage_supply_points") == 1 }
            try await eventually("the bad ones dead-lettered") { try await outage.broker.queueDepth("outage.dead") == 2 }
        }
    }

    @Test func theBillingExportDoesNotOverwriteASupplyPointFromASignedContract() async throws {
        try await OutageHarness.run { outage in
            let contract = Self.signed()
            try await outage.publish(contract, correlationId: contract.requestCode, appId: "crm")
            try await eventually("outage recorded the supply point") { try await outage.count("outage_supply_points") == 1 }

            let summary = try await outage.loadSupplyPoints("""
                customer_code,branch,commune_code,phone\r
                \(Self.customerCode),PC05TK,20350,0905999999\r
                PC05TK0000001,PC05TK,20356,0905000001\r

                """)
            #expect(summary["imported"] as? Int == 1)
            let rejected = try #require(summary["rejected"] as? [[String: Any]])
            #expect(rejected.map { "\($0["line"] ?? "")/\($0["field"] ?? "")/\($0["code"] ?? "")" } == [
                "2/customer_code/customer_code.signed_contract",
            ])
            let message = try #require(rejected.first?["message"] as? [String: String])
            #expect(message["vi"]?.contains("hợp đồng") == true && message["en"]?.contains("signed contract") == true)

            let dispatch = try await outage.token(.dispatcher, unit: Samples.branch)
            let created = try await outage.post("api/v1/planned-outages", Samples.plannedOutage(days: 6), token: dispatch)
                .expect(201)
            #expect(created["notified"] as? Int == 2, "the contract's customer stays in An Mỹ beside the export's")
            let notices = try await outage.awaitSent(SendOutageNotice.routingKey, count: 2)
            #expect(Set(notices.compactMap { $0["phone"] as? String }) == [Self.holderPhone, "+84905000001"])
        }
    }
}
