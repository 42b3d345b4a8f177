import Contracts
import Foundation
import TestSupport
import Testing

/// `households.screen-identities` against the corporation's active dossiers, and the answer on the wire.
@Suite struct ScreeningTests {
    @Test func anIDInAnotherUnitsActiveDossierIsAConflictNamingWhereItIs() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.otherUnit)
            #expect(try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05HA0001234"),
                                              token: officer).status == 201)

            try await households.publish(ScreenIdentities(requestCode: "PC05TK-251124-000001",
                                                          requestKind: .newLowVoltageConnection,
                                                          idNumbers: [Samples.stranger.idNumber, Samples.tenant.idNumber]),
                                         correlationId: "PC05TK-251124-000001")

            let screening = try #require(try await households.awaitSent(ScreeningCompleted.routingKey).first)
            #expect(screening["requestCode"] as? String == "PC05TK-251124-000001")
            #expect(screening["outcome"] as? String == "conflict")
            let conflicts = try #require(screening["conflicts"] as? [[String: String]])
            #expect(conflicts == [["maskedIdNumber": "049*******21", "unit": Samples.otherUnit,
                                   "customerCode": "PC05HA0001234"]])
            let properties = try #require(try await households.messages(ScreeningCompleted.routingKey).first?["properties"] as? [String: Any])
            #expect(properties["correlation_id"] as? String == "PC05TK-251124-000001")
        }
    }

    @Test func aClosedDossierNoLongerConflicts() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let created = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000777"),
                                                    token: officer)
            let dossierId = try #require(try created.json()["dossierId"] as? String)
            let closed = try await households.post("api/v1/dossiers/\(dossierId)/closure", [:], token: officer)
            #expect(closed.status == 200)
            #expect(try closed.json()["status"] as? String == "closed")
            #expect(try await households.post("api/v1/dossiers/\(dossierId)/closure", [:], token: officer).status == 409)

            try await households.publish(ScreenIdentities(requestCode: "PC05TK-251124-000002", requestKind: .newLowVoltageConnection,
                                                          idNumbers: [Samples.tenant.idNumber]),
                                         correlationId: "PC05TK-251124-000002")

            let screening = try #require(try await households.awaitSent(ScreeningCompleted.routingKey).first)
            #expect(screening["outcome"] as? String == "clear")
            #expect((screening["conflicts"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func identitiesInNoActiveDossierAreClear() async throws {
        try await HouseholdsHarness.run { households in
            try await households.publish(ScreenIdentities(requestCode: "PC05TK-251124-000003",
                                                          requestKind: .newLowVoltageConnection,
                                                          idNumbers: [Samples.holder.idNumber, Samples.tenant.idNumber]),
                                         messageId: "screen-1", correlationId: "PC05TK-251124-000003")
            let screening = try #require(try await households.awaitSent(ScreeningCompleted.routingKey).first)
            #expect(screening["outcome"] as? String == "clear")

            try await households.publish(ScreenIdentities(requestCode: "PC05TK-251124-000003", requestKind: .newLowVoltageConnection,
                                                          idNumbers: [Samples.holder.idNumber]),
                                         messageId: "screen-1", correlationId: "PC05TK-251124-000003")
            try await households.awaitHandled(["screen-1", "screen-1"])
            #expect(try await households.sent(ScreeningCompleted.routingKey).count == 1)
        }
    }

    @Test func aRegisteredMainHouseholdIsFoundByLaterScreenings() async throws {
        try await HouseholdsHarness.run { households in
            let command = Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000123", customerCode: "PC05TK0000123")
            try await households.publish(command, correlationId: command.requestCode)
            try await households.publish(command, correlationId: command.requestCode)
            try await eventually("both registrations handled") { try await households.count("messaging_inbox") == 2 }
            #expect(try await households.count("households_dossiers") == 1)
            #expect(try await households.count("households_members") == 2)

            try await households.publish(ScreenIdentities(requestCode: "PC05HA-251201-000001", requestKind: .newLowVoltageConnection,
                                                          idNumbers: [Samples.tenant.idNumber]),
                                         correlationId: "PC05HA-251201-000001")
            let screening = try #require(try await households.awaitSent(ScreeningCompleted.routingKey).first)
            #expect(screening["outcome"] as? String == "conflict")
            #expect(screening["conflicts"] as? [[String: String]] == [
                ["maskedIdNumber": "049*******21", "unit": Samples.unit, "customerCode": "PC05TK0000123"],
            ])
        }
    }

    @Test func theStoreHoldsNoIDNumberNorNameInPlainText() async throws {
        try await HouseholdsHarness.run { households in
            let command = Samples.registerMainHousehold(contractNumber: "HĐ-TK-2025-000124", customerCode: "PC05TK0000124")
            try await households.publish(command, correlationId: command.requestCode)
            let officer = try await households.token(.householdsOfficer, unit: Samples.otherUnit)
            #expect(try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05HA0000555", holder: Samples.stranger, subs: []), token: officer).status == 201)
            try await households.publish(ScreenIdentities(requestCode: "PC05TK-251124-000004", requestKind: .newLowVoltageConnection,
                                                          idNumbers: [Samples.holder.idNumber]),
                                         correlationId: "PC05TK-251124-000004")
            try await households.awaitSent(ScreeningCompleted.routingKey)

            let bytes = try households.storeBytes()
            #expect(!bytes.isEmpty)
            for person in [Samples.holder, Samples.tenant, Samples.stranger] {
                #expect(bytes.range(of: Data(person.idNumber.utf8)) == nil, "the ID number of \(person.fullName) is in the store")
                #expect(bytes.range(of: Data(person.fullName.utf8)) == nil, "the name \(person.fullName) is in the store")
            }
            #expect(bytes.range(of: Data("049*******45".utf8)) != nil)
        }
    }
}
