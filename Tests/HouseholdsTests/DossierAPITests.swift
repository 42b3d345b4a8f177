import Contracts
import Foundation
import TestSupport
import Testing

/// `POST /api/v1/dossiers`, `GET /api/v1/dossiers/{id}` and the closure, as households officers use them.
@Suite struct DossierAPITests {
    @Test func aRegisteredDossierIsShownWithMaskedIDNumbers() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            var body = Samples.dossier(customerCode: "pc05tk0000001")
            body["holder"] = ["fullName": "  Nguye\u{0302}\u{0303}n   Văn An ", "idNumber": "049 088 012 345"]
            let created = try await households.post("api/v1/dossiers", body, token: officer)
            #expect(created.status == 201)
            let dossierId = try #require(try created.json()["dossierId"] as? String)
            #expect(dossierId == "HS-PC05TK-000001")

            let shown = try await households.get("api/v1/dossiers/\(dossierId)", token: officer)
            #expect(shown.status == 200)
            let dossier = try shown.json()
            #expect(dossier["unit"] as? String == Samples.unit)
            #expect(dossier["customerCode"] as? String == "PC05TK0000001")
            #expect(dossier["status"] as? String == "active")
            let members = try #require(dossier["members"] as? [[String: Any]])
            #expect(members.map { $0["role"] as? String } == ["main", "sub"])
            #expect(members.map { $0["fullName"] as? String } == ["Nguyễn Văn An", "Trần Thị Bích"])
            #expect(members.map { $0["maskedIdNumber"] as? String } == ["049*******45", "049*******21"])
            #expect(members[1]["permanentAddress"] as? String == "Thôn Phú Mỹ, xã Tam Thăng, Quảng Nam")
            #expect((members[1]["residenceConfirmation"] as? [String: String])?["validUntil"] == Samples.longValid)
            #expect(Samples.allowance(dossier) == "8 = 2")
            #expect(!String(decoding: shown.body, as: UTF8.self).contains("049088012345"))
        }
    }

    @Test func invalidNamesAndIDNumbersAreRefusedFieldByFieldInBothLanguages() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let answer = try await households.post("api/v1/dossiers", [
                "customerCode": "x",
                "holder": ["fullName": "Nguyễn Văn 4n", "idNumber": "099088012345"],
                "subHouseholds": [
                    Samples.subHousehold(Person(fullName: "Trần Thị Bích", idNumber: "04919500432")),
                    Samples.subHousehold(Samples.stranger).merging(["fullName": ""]) { $1 },
                ],
            ], token: officer)
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["customerCode", "holder.fullName", "holder.idNumber",
                                                 "subHouseholds[0].idNumber", "subHouseholds[1].fullName"])
            let errors = try #require(try answer.json()["errors"] as? [[String: Any]])
            #expect(errors.map { $0["code"] as? String }.contains("id_number.invalid_province"))
            #expect(errors.allSatisfy { (($0["message"] as? [String: String])?["vi"]?.isEmpty) == false })

            let twice = try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05TK0000002", subs: [Samples.tenant, Samples.holder]), token: officer)
            #expect(twice.status == 422)
            #expect(try twice.errorFields() == ["subHouseholds[1].idNumber"])

            #expect(try await households.post("api/v1/dossiers", raw: Data("[".utf8), token: officer).status == 400)
            #expect(try await households.count("households_dossiers") == 0)
        }
    }

    @Test func officersActOnTheirOwnUnitAndCorporationStaffOnEvery() async throws {
        try await HouseholdsHarness.run { households in
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            #expect(try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05HA0000001"),
                                              token: corporation).errorFields() == ["unit"])
            let created = try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05HA0000001", unit: Samples.otherUnit), token: corporation)
            #expect(created.status == 201)
            let dossierId = try #require(try created.json()["dossierId"] as? String)

            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            #expect(try await households.get("api/v1/dossiers/\(dossierId)", token: officer).status == 403)
            #expect(try await households.post("api/v1/dossiers/\(dossierId)/closure", [:], token: officer).status == 403)
            #expect(try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05HA0000002", unit: Samples.otherUnit), token: officer).status == 403)
            #expect(try await households.get("api/v1/dossiers/HS-PC05TK-999999", token: officer).status == 404)
            #expect(try await households.get("api/v1/dossiers/\(dossierId)", token: corporation).status == 200)

            let technician = try await households.token(.fieldTechnician, unit: Samples.otherUnit)
            #expect(try await households.get("api/v1/dossiers/\(dossierId)", token: technician).status == 403)
            #expect(try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05HA0000001", unit: Samples.otherUnit), token: corporation).status == 409)
        }
    }
}
