import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// Registering, updating and ending sub-households one at a time, as unit staff do at the
/// counter: the count each dossier supports, the corporation-wide duplicate check and its
/// supervised override, and the count changes crm hears of.
@Suite struct SubHouseholdTests {
    /// Registers the standard dossier (holder + tenant) of `customerCode` and returns its id.
    /// Registers a dossier of `customerCode` (a holder of its own, `subs` or a tenant of its own) and returns its id.
    fileprivate func dossier(_ households: HouseholdsHarness, _ customerCode: String, unit: String = Samples.unit,
                         subs: [Person]? = nil) async throws -> String {
        let officer = try await households.token(.householdsOfficer, unit: unit)
        let n = Int(customerCode.suffix(4))! + (unit == Samples.unit ? 0 : 2000)
        let created = try await households.post("api/v1/dossiers", Samples.dossier(
            customerCode: customerCode, holder: Samples.person(n), subs: subs ?? [Samples.person(5000 + n)], unit: nil),
                                                token: officer)
        return try #require(try created.expect(201)["dossierId"] as? String)
    }

    @Test func eachValidSubHouseholdAddsToTheCountTenantsByTheQuarterAndCrmHearsOfEachChange() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let dossierId = try await dossier(households, "PC05TK0000010")

            let tenants = try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                                    Samples.subHousehold(Samples.stranger, persons: 3), token: officer)
            let added = try tenants.expect(201)
            #expect(added["persons"] as? Int == 3)
            #expect(added["counting"] as? Bool == true)
            let shown = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).expect(200)
            #expect(Samples.allowance(shown) == "11 = 2¾")

            let changes = try await households.awaitSent(HouseholdCountChanged.routingKey)
            #expect(changes.count == 1)
            #expect(changes[0]["dossierId"] as? String == dossierId)
            #expect(changes[0]["customerCode"] as? String == "PC05TK0000010")
            #expect(changes[0]["unit"] as? String == Samples.unit)
            #expect(changes[0]["previousQuarters"] as? Int == 8)
            #expect(changes[0]["newQuarters"] as? Int == 11)
            #expect(changes[0]["reason"] as? String == "sub_household_registered")

            // An expired confirmation is recorded but does not count, and so changes nothing.
            let expired = try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                                    Samples.subHousehold(Samples.neighbour, validUntil: "2025-06-30"),
                                                    token: officer).expect(201)
            #expect(expired["counting"] as? Bool == false)
            let reference = try #require(expired["subHouseholdId"] as? String)

            // Renewing it makes it count: one more household.
            var renewed = Samples.subHousehold(Samples.neighbour, validUntil: "2031-06-30")
            renewed["residenceConfirmation"] = Samples.confirmation(validUntil: "2031-06-30", issuedOn: "2025-07-01")
            let update = try await households.put("api/v1/sub-households/\(reference)", renewed, token: officer)
            #expect(try update.expect(200)["counting"] as? Bool == true)

            // The tenants leave: the count falls by their three quarters.
            let tenantsRef = try #require(added["subHouseholdId"] as? String)
            let ended = try await households.post("api/v1/sub-households/\(tenantsRef)/end", [:], token: officer).expect(200)
            #expect(ended["status"] as? String == "ended")
            #expect(ended["counting"] as? Bool == false, "a household that left counts no more")
            #expect(try await households.post("api/v1/sub-households/\(tenantsRef)/end", [:], token: officer).status == 409)

            let all = try await households.awaitSent(HouseholdCountChanged.routingKey, count: 3)
            #expect(all.map { $0["newQuarters"] as? Int } == [11, 15, 12])
            #expect(all.map { $0["reason"] as? String } == ["sub_household_registered", "sub_household_updated",
                                                             "sub_household_ended"])
            #expect(Set(all.compactMap { $0["changeId"] as? String }).count == 3)
            let final = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).expect(200)
            #expect(Samples.allowance(final) == "12 = 3")
        }
    }

    @Test func aHouseholdInAnotherUnitsDossierIsRefusedNamingTheUnitOnlyUnlessASupervisorOverrides() async throws {
        try await HouseholdsHarness.run { households in
            _ = try await dossier(households, "PC05HA0000020", unit: Samples.otherUnit, subs: [Samples.stranger])
            let dossierId = try await dossier(households, "PC05TK0000020")
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)

            let refused = try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                                    Samples.subHousehold(Samples.stranger), token: officer)
            #expect(refused.status == 409)
            #expect(try refused.errorCodes() == ["household.duplicate_elsewhere"])
            let conflicts = try #require(try refused.json()["conflicts"] as? [[String: Any]])
            #expect(conflicts.count == 1)
            #expect(conflicts[0]["key"] as? String == "id_number")
            #expect(conflicts[0]["maskedKey"] as? String == "048*******34")
            let holdings = try #require(conflicts[0]["holdings"] as? [[String: String]])
            #expect(holdings == [["unit": Samples.otherUnit]], "another unit's dossier is named by its unit only")
            #expect(!refused.text.contains("PC05HA0000020") && !refused.text.contains("Lê Văn Cường"))

            // Only a supervisor overrides, and only with a reason.
            var overridden = Samples.subHousehold(Samples.stranger)
            overridden["override"] = ["reason": "Chuyển từ Điện lực Hội An về, hồ sơ bên đó đang chờ đóng"]
            #expect(try await households.post("api/v1/dossiers/\(dossierId)/sub-households", overridden,
                                              token: officer).status == 403)
            let supervisor = try await households.token(.householdsSupervisor, unit: Samples.unit, staffId: "tk-sup-01")
            var noReason = overridden
            noReason["override"] = ["reason": "ok"]
            let short = try await households.post("api/v1/dossiers/\(dossierId)/sub-households", noReason, token: supervisor)
            #expect(short.status == 422)
            #expect(try short.errorFields() == ["override.reason"])
            let allowed = try await households.post("api/v1/dossiers/\(dossierId)/sub-households", overridden,
                                                    token: supervisor)
            #expect(allowed.status == 201)

            let overrides = try households.host.context.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT dossier_id, granted_by, reason, conflicts FROM households_overrides")
            }
            #expect(overrides.count == 1)
            #expect(overrides.first?["dossier_id"] == dossierId)
            #expect(overrides.first?["granted_by"] == "tk-sup-01")
            #expect((overrides.first?["reason"] as String?)?.hasPrefix("Chuyển từ Điện lực Hội An") == true)
            #expect((overrides.first?["conflicts"] as String?)?.contains("PC05HA0000020") == true)

            // Now the person is in two dossiers: the corporation's report shows both.
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let report = try await households.get("api/v1/duplicates", token: corporation).expect(200)
            let cases = try #require(report["cases"] as? [[String: Any]])
            #expect(cases.count == 1)
            let both = try #require(cases[0]["holdings"] as? [[String: String]])
            #expect(both.map { $0["customerCode"] } == ["PC05HA0000020", "PC05TK0000020"])
            // A branch's report names its own dossier and the other unit only.
            let branch = try await households.get("api/v1/duplicates", token: officer).expect(200)
            let seen = try #require((branch["cases"] as? [[String: Any]])?.first?["holdings"] as? [[String: String]])
            #expect(seen.contains(["unit": Samples.otherUnit]))
            #expect(seen.contains { $0["customerCode"] == "PC05TK0000020" })
        }
    }

    @Test func aHouseholdBookHeldElsewhereIsADuplicateToo() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let first = try await dossier(households, "PC05TK0000030")
            let second = try await dossier(households, "PC05TK0000031", subs: [Samples.neighbour])
            _ = try await households.post("api/v1/dossiers/\(first)/sub-households",
                                          Samples.subHousehold(Samples.stranger, householdBook: "SHK 120 345"),
                                          token: officer).expect(201)
            let refused = try await households.post(
                "api/v1/dossiers/\(second)/sub-households",
                Samples.subHousehold(Person(fullName: "Võ Thị Én", idNumber: "049199001122"), householdBook: "shk-120345"),
                token: officer)
            #expect(refused.status == 409)
            let conflict = try #require((try refused.json()["conflicts"] as? [[String: Any]])?.first)
            #expect(conflict["key"] as? String == "household_book")
            #expect(conflict["maskedKey"] as? String == "SH*****45")
            #expect((conflict["holdings"] as? [[String: String]])?.first?["customerCode"] == "PC05TK0000030")
        }
    }

    @Test func staffOfAnotherBranchCanNeitherSeeNorChangeTheDossier() async throws {
        try await HouseholdsHarness.run { households in
            let dossierId = try await dossier(households, "PC05TK0000040")
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let shown = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).expect(200)
            let sub = try #require((shown["members"] as? [[String: Any]])?.last?["subHouseholdId"] as? String)

            let other = try await households.token(.householdsOfficer, unit: Samples.otherUnit)
            #expect(try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                              Samples.subHousehold(Samples.stranger), token: other).status == 403)
            #expect(try await households.post("api/v1/sub-households/\(sub)/end", [:], token: other).status == 403)
            #expect(try await households.get("api/v1/dossiers?customerCode=PC05TK0000040", token: other).status == 403)
            #expect(try await households.put("api/v1/sub-households/\(sub)/split-status", ["wantsSplit": true],
                                             token: other).status == 403)
            #expect(try await households.get("api/v1/repricing?unit=PC05TK", token: other).status == 403)

            let after = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).expect(200)
            #expect((after["members"] as? [[String: Any]])?.count == 2)
            #expect(try await households.get("api/v1/dossiers?customerCode=PC05TK0000040", token: officer).status == 200)
        }
    }

    @Test func aSubHouseholdMissingItsResidenceDetailsIsRefusedFieldByField() async throws {
        try await HouseholdsHarness.run { households in
            let dossierId = try await dossier(households, "PC05TK0000050")
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let answer = try await households.post("api/v1/dossiers/\(dossierId)/sub-households", [
                "fullName": "Võ Thị Én", "idNumber": "049199001122", "persons": 0,
                "residenceConfirmation": ["issuer": "Công an xã Tam Thăng", "number": "XN-1", "issuedOn": "2099-01-01",
                                          "validUntil": "2025-13-01"],
            ], token: officer)
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["permanentAddress", "residenceConfirmation.issuedOn",
                                                 "residenceConfirmation.validUntil", "persons"])
            #expect(try answer.errorCodes().contains("confirmation.issued_in_future"))
            #expect(try await households.count("households_members") == 2)
        }
    }
}

extension SubHouseholdTests {
    @Test func aHouseholdThatLeftMayJoinTheSameDossierAgain() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let dossierId = try await dossier(households, "PC05TK0000045")
            let added = try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                                  Samples.subHousehold(Samples.stranger), token: officer).expect(201)
            let reference = try #require(added["subHouseholdId"] as? String)
            _ = try await households.post("api/v1/sub-households/\(reference)/end", [:], token: officer).expect(200)
            let back = try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                                 Samples.subHousehold(Samples.stranger), token: officer).expect(201)
            #expect(back["subHouseholdId"] as? String != reference)
            // Current once: registering the same person again is a duplicate in this very dossier.
            let again = try await households.post("api/v1/dossiers/\(dossierId)/sub-households",
                                                  Samples.subHousehold(Samples.stranger), token: officer)
            #expect(again.status == 409)
            let shown = try await households.get("api/v1/dossiers/\(dossierId)", token: officer).expect(200)
            #expect((shown["members"] as? [[String: Any]])?.map { $0["status"] as? String } == ["active", "active", "ended", "active"])
            #expect(Samples.allowance(shown) == "12 = 3")
        }
    }
}

extension SubHouseholdTests {
    @Test func aLegacyNineDigitIDIsAcceptedAndFlagged() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let dossierId = try await dossier(households, "PC05TK0000046")
            let added = try await households.post(
                "api/v1/dossiers/\(dossierId)/sub-households",
                Samples.subHousehold(Person(fullName: "Huỳnh Văn Lộc", idNumber: "201234567")), token: officer).expect(201)
            #expect(added["legacyIdNumber"] as? Bool == true)
            #expect(added["maskedIdNumber"] as? String == "20*****67")
            #expect(added["counting"] as? Bool == true)
        }
    }
}
