import Contracts
import Foundation
import Households
import TestSupport
import Testing
import WorkingCalendar

/// The households officer's pages as they use them: a dossier opened with its tenants, every
/// field shown, the unit's dossiers listed and searched, a duplicate refused to the officer and
/// allowed by a supervisor with the reason on record, and the expiry list with who was reminded.
@Suite struct HouseholdOfficerPagesTests {
    /// The opening form's fields for a dossier of `customerCode` held by ``Samples/holder``, with
    /// a group of three tenants registered on a residence confirmation.
    private func opening(_ customerCode: String, tenants: Person = Samples.tenant) -> KeyValuePairs<String, String> {
        [
            "customerCode": customerCode, "contactPhone": "0905123456",
            "holder.fullName": Samples.holder.fullName, "holder.idNumber": Samples.holder.idNumber,
            "holder.householdBook": "HK-117733",
            "subHouseholds[0].fullName": tenants.fullName, "subHouseholds[0].idNumber": tenants.idNumber,
            "subHouseholds[0].householdBook": "HK-229911", "subHouseholds[0].persons": "3",
            "subHouseholds[0].permanentAddress": "Thôn Phú Mỹ, xã Tam Thăng, Quảng Nam",
            "subHouseholds[0].residenceConfirmation.issuer": "Công an phường An Mỹ",
            "subHouseholds[0].residenceConfirmation.number": "XN-2026-0042",
            "subHouseholds[0].residenceConfirmation.issuedOn": "2026-01-15",
            "subHouseholds[0].residenceConfirmation.validUntil": Samples.longValid,
        ]
    }

    /// The form registering ``Samples/tenant`` on a dossier, with a supervisor's `override` reason if any.
    private func tenant(override: String = "") -> KeyValuePairs<String, String> {
        [
            "fullName": Samples.tenant.fullName, "idNumber": Samples.tenant.idNumber, "permanentAddress": "Thôn 3",
            "residenceConfirmation.issuer": "Công an xã", "residenceConfirmation.number": "XN-9",
            "residenceConfirmation.issuedOn": "2026-02-01", "override.reason": override,
        ]
    }

    @Test func anOfficerOpensADossierWithTenantsAndSeesEveryField() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let form = try await households.staffPage("ho-dung-chung/mo-ho-so", token: officer)
            #expect(form.status == 200)
            #expect(PageElement(id: "subHouseholds-0-persons", in: form.text) == nil, "an input is no element with content")
            #expect(form.text.contains(#"name="subHouseholds[0].residenceConfirmation.validUntil""#))
            #expect(form.text.contains(#"value="PC05TK""#), "the unit is the officer's own")

            let opened = try await households.staffForm("ho-dung-chung/mo-ho-so", opening("PC05TK0000101"), token: officer)
            #expect(opened.status == 200, "the 303 leads to the dossier's page")
            #expect(PageElement(id: "allowance", in: opened.text)?.inner.contains("<strong>1¾</strong>") == true,
                    "the holder and three tenants at ¼ each")
            let members = try #require(PageElement(id: "members", in: opened.text)).inner
            #expect(members.contains("Nguyễn Văn An (Hộ chính"), "\(members)")
            #expect(members.contains("3 người thuê"))
            #expect(members.contains("XN-2026-0042, Công an phường An Mỹ, 15/01/2026 → \(Samples.longValidShown)"))
            #expect(members.contains("Thôn Phú Mỹ, xã Tam Thăng, Quảng Nam"))
            #expect(!members.contains("HK-229911") && !members.contains(Samples.tenant.idNumber), "numbers are masked")
            #expect(PageElement(id: "history", in: opened.text)?.inner.contains("Số hộ chưa thay đổi") == true,
                    "a dossier's first count is no change")

            let dossier = try #require(try await households.get("api/v1/dossiers?customerCode=PC05TK0000101", token: officer)
                .expect(200)["dossierId"] as? String)
            let added = try await households.staffForm("ho-dung-chung/ho-so/\(dossier)/them-ho", [
                "fullName": Samples.stranger.fullName, "idNumber": Samples.stranger.idNumber,
                "permanentAddress": "Thôn 3, xã Tam Thăng", "residenceConfirmation.issuer": "Công an xã Tam Thăng",
                "residenceConfirmation.number": "XN-7", "residenceConfirmation.issuedOn": "2026-02-01",
            ], token: officer)
            #expect(added.status == 201)
            #expect(PageElement(id: "screening-clear", in: added.text) != nil)
            let history = try #require(PageElement(id: "history", in: added.text)).inner
            #expect(history.contains("Đăng ký hộ dùng chung") && history.contains("1¾ → 2¾"), "\(history)")
            #expect(added.text.contains("thường trú"), "a confirmation without an end is permanent residence")

            let tenants = try #require(try await households.get("api/v1/dossiers/\(dossier)", token: officer).expect(200)["members"]
                as? [[String: any Sendable]])[1]["subHouseholdId"] as? String
            let group = try #require(tenants)
            let unexplained = try await households.staffForm("ho-dung-chung/ho-so/\(dossier)/tach?lang=en", [
                "subHouseholdId": group, "notSplitReason": "other", "note": "",
            ], token: officer)
            #expect(unexplained.status == 422)
            #expect(PageElement(id: "note-error", in: unexplained.text)?.inner == "This field is required")
            let recorded = try await households.staffForm("ho-dung-chung/ho-so/\(dossier)/tach", [
                "subHouseholdId": group, "notSplitReason": "rented_rooms", "note": "chờ chủ nhà kéo dây riêng", "wantsSplit": "yes",
            ], token: officer)
            #expect(recorded.status == 200, "the 303 leads back to the dossier")
            let row = try #require(PageElement(id: "member-\(group)", in: recorded.text)).inner
            #expect(row.contains("Muốn tách. \(NotSplitReason.rentedRooms.label.vi) — chờ chủ nhà kéo dây riêng"), "\(row)")
        }
    }

    @Test func eachErrorOfTheOpeningFormIsBesideItsFieldInBothLanguages() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            for (path, expected) in [("ho-dung-chung/mo-ho-so", "Vui lòng nhập"), ("ho-dung-chung/mo-ho-so?lang=en", "required")] {
                let refused = try await households.staffForm(path, [
                    "customerCode": "PC05TK0000102", "holder.fullName": "", "holder.idNumber": Samples.holder.idNumber,
                    "subHouseholds[1].fullName": Samples.tenant.fullName, "subHouseholds[1].idNumber": "099088012345",
                    "subHouseholds[1].persons": "ba",
                ], token: officer)
                #expect(refused.status == 422)
                #expect(PageElement(id: "holder-fullName-error", in: refused.text)?.inner.contains(expected) == true,
                        "\(path): \(PageElement(id: "holder-fullName-error", in: refused.text)?.inner ?? "no error")")
                #expect(PageElement(id: "subHouseholds-1-idNumber-error", in: refused.text) != nil,
                        "the second household's error stays on its own inputs")
                #expect(PageElement(id: "subHouseholds-1-persons-error", in: refused.text) != nil)
                #expect(PageElement(id: "subHouseholds-1-residenceConfirmation-error", in: refused.text) != nil)
                #expect(refused.text.contains(#"value="099088012345""#), "what was typed is kept")
            }
            #expect(try await households.count("households_dossiers") == 0)
        }
    }

    @Test func theUnitsDossiersAreListedAndSearchedByCodeOrName() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            _ = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000111"), token: officer)
                .expect(201)
            _ = try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05TK0000222", holder: Samples.neighbour, subs: [Samples.stranger]), token: officer).expect(201)
            _ = try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05HA0000333", holder: Samples.person(1), subs: [Samples.person(2)], unit: Samples.otherUnit),
                                          token: corporation).expect(201)

            let all = try await households.staffPage("ho-dung-chung", token: officer)
            let rows = try #require(PageElement(id: "dossiers", in: all.text)).inner
            #expect(rows.contains("PC05TK0000111") && rows.contains("PC05TK0000222") && rows.contains("Phạm Thị Dung"))
            #expect(!rows.contains("PC05HA0000333"), "another unit's dossier is not listed")
            #expect(rows.contains(#"href="/ho-dung-chung/ho-so/HS-PC05TK-000001""#))

            let byName = try await households.staffPage("ho-dung-chung?q=pham%20thi%20dung", token: officer)
            let found = try #require(PageElement(id: "dossiers", in: byName.text)).inner
            #expect(found.contains("PC05TK0000222") && !found.contains("PC05TK0000111"), "found by the name without marks")
            let byCode = try await households.staffPage("ho-dung-chung?q=pc05tk000011", token: officer)
            #expect(PageElement(id: "dossiers", in: byCode.text)?.inner.contains("PC05TK0000111") == true)
            let none = try await households.staffPage("ho-dung-chung?q=PC05HA", token: officer)
            #expect(PageElement(id: "no-dossiers", in: none.text) != nil)

            let first = try await households.get("api/v1/dossiers?limit=1", token: officer).expect(200)
            #expect((first["dossiers"] as? [[String: any Sendable]])?.map { $0["holderName"] as? String } == ["Nguyễn Văn An"])
            let next = try #require(first["next"] as? String)
            let second = try await households.get("api/v1/dossiers?limit=1&after=\(next)", token: officer).expect(200)
            #expect((second["dossiers"] as? [[String: any Sendable]])?.map { $0["customerCode"] as? String } == ["PC05TK0000222"])
            let everyUnit = try await households.get("api/v1/dossiers?q=pc05ha", token: corporation).expect(200)
            #expect((everyUnit["dossiers"] as? [Any])?.count == 1)
            #expect(try await households.get("api/v1/dossiers?unit=PC05HA", token: officer).status == 403)
            #expect(try await households.get("api/v1/dossiers?limit=0", token: officer).errorFields() == ["limit"])
        }
    }

    @Test func aDuplicateIsRefusedToTheOfficerAndASupervisorAllowsItWithTheReasonOnRecord() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let supervisor = try await households.token(.householdsSupervisor, unit: Samples.unit, staffId: "tk-gs-07")
            _ = try await households.post("api/v1/dossiers", Samples.dossier(customerCode: "PC05TK0000121"), token: officer)
                .expect(201)
            let second = try #require(try await households.post("api/v1/dossiers", Samples.dossier(
                customerCode: "PC05TK0000122", holder: Samples.neighbour, subs: []), token: officer)
                .expect(201)["dossierId"] as? String)
            let refused = try await households.staffForm("ho-dung-chung/ho-so/\(second)/them-ho", tenant(), token: officer)
            #expect(refused.status == 409)
            #expect(PageElement(id: "screening-conflict", in: refused.text)?.inner.contains("PC05TK0000121") == true)
            #expect(PageElement(id: "supervisor-needed", in: refused.text) != nil)
            #expect(!refused.text.contains(#"name="override.reason""#), "an officer is offered no override")

            let shown = try await households.staffForm("ho-dung-chung/ho-so/\(second)/them-ho", tenant(), token: supervisor)
            #expect(shown.status == 409)
            #expect(shown.text.contains(#"name="override.reason""#))
            let tooShort = try await households.staffForm(
                "ho-dung-chung/ho-so/\(second)/them-ho", tenant(override: "đã biết"), token: supervisor)
            #expect(tooShort.status == 422)
            #expect(PageElement(id: "override-reason-error", in: tooShort.text) != nil)

            let allowed = try await households.staffForm(
                "ho-dung-chung/ho-so/\(second)/them-ho", tenant(override: "Chuyển từ hồ sơ PC05TK0000121, chờ đóng bên đó"),
                token: supervisor)
            #expect(allowed.status == 201)
            #expect(PageElement(id: "allowance", in: allowed.text)?.inner.contains("<strong>2</strong>") == true,
                    "the overridden household counts")

            let duplicates = try await households.staffPage("ho-dung-chung/trung", token: officer)
            let cases = try #require(PageElement(id: "cases", in: duplicates.text)).inner
            #expect(cases.contains("049*******21") && cases.contains("PC05TK0000121") && cases.contains("PC05TK0000122"))
            let overrides = try #require(PageElement(id: "overrides", in: duplicates.text)).inner
            #expect(overrides.contains("tk-gs-07") && overrides.contains("Chuyển từ hồ sơ PC05TK0000121, chờ đóng bên đó"))
            #expect(overrides.contains(second) && overrides.contains("049*******21"))
        }
    }

    @Test func theExpiryListSaysWhoWasRemindedAndWhen() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let soon = CalendarDay(Date()).adding(days: 20).description
            var reminded = Samples.dossier(customerCode: "PC05TK0000131", contactPhone: "0905123456")
            reminded["subHouseholds"] = [Samples.subHousehold(Samples.tenant, validUntil: soon)]
            _ = try await households.post("api/v1/dossiers", reminded, token: officer).expect(201)
            var unreachable = Samples.dossier(customerCode: "PC05TK0000132", holder: Samples.neighbour)
            unreachable["subHouseholds"] = [Samples.subHousehold(Samples.stranger, validUntil: "2025-06-30")]
            _ = try await households.post("api/v1/dossiers", unreachable, token: officer).expect(201)
            _ = try await households.post("api/v1/residence-expiry/run", token: corporation).expect(200)

            let page = try await households.staffPage("ho-dung-chung/het-han", token: officer)
            #expect(page.status == 200)
            let soonRows = try #require(PageElement(id: "expiring-soon", in: page.text)).inner
            #expect(soonRows.contains("Trần Thị Bích") && soonRows.contains("PC05TK0000131"))
            #expect(soonRows.contains("Đã nhắn chủ hộ chính +8490****456 lúc"), "\(soonRows)")
            let expired = try #require(PageElement(id: "expired", in: page.text)).inner
            #expect(expired.contains("30/06/2025") && expired.contains("Hồ sơ không có số điện thoại"), "\(expired)")
            let english = try await households.staffPage("ho-dung-chung/het-han?lang=en", token: officer)
            #expect(english.text.contains("Texted the main household"))
        }
    }
}
