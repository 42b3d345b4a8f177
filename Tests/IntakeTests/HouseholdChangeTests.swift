import Foundation
import TestSupport
import Testing

/// A landlord's household count change on `POST /api/v1/service-requests`: the households that
/// join, the sub-households whose tenants left (by the `SH-<n>` reference their dossier shows),
/// or both; what the branch receives, and every mistake refused at its field in both languages.
@Suite struct HouseholdChangeTests {
    static func change(_ fields: [String: Any]) -> [String: Any] {
        var form = OpenAPITests.meterSplit
        form["kind"] = "household_count_change"
        form["subHouseholdId"] = nil
        form["site"] = nil
        return form.merging(fields) { $1 }
    }

    @Test func tenantsThatLeftAloneAreFiledAndTravelToTheBranchAsReferences() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.post("api/v1/service-requests",
                                               Self.change(["leavingSubHouseholdIds": ["sh-1042", " SH-1043 "]]))
            #expect(answer.status == 201)

            let event = try await intake.awaitSent("intake.service-request.submitted")
            let details = try #require(event.first?["details"] as? [String: Any])
            #expect(details["leavingSubHouseholdIds"] as? [String] == ["SH-1042", "SH-1043"], "as households writes them")
            #expect(details["newHouseholds"] == nil, "nobody joins")
        }
    }

    @Test func householdsJoiningAndLeavingTogetherAreOneRequest() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.post("api/v1/service-requests", Self.change([
                "leavingSubHouseholdIds": ["SH-1042"],
                "newHouseholds": [["fullName": "Lê Văn Cường", "idNumber": "048090001234"]],
            ]))
            #expect(answer.status == 201)
            let event = try await intake.awaitSent("intake.service-request.submitted")
            let details = try #require(event.first?["details"] as? [String: Any])
            #expect(details["leavingSubHouseholdIds"] as? [String] == ["SH-1042"])
            #expect((details["newHouseholds"] as? [[String: Any]])?.map { $0["idNumber"] as? String } == ["048090001234"])
        }
    }

    @Test func aChangeNamingNeitherJoiningNorLeavingHouseholdsIsRefusedInBothLanguages() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.post("api/v1/service-requests", Self.change([:]))
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["newHouseholds"])
            #expect(try answer.errorCodes() == ["household_change.empty"])
            #expect(try answer.englishMessage()
                    == "Please list the new sharing households, or the references of the sub-households that left")
            #expect(answer.text.contains("mã các hộ dùng chung đã chuyển đi"))
            #expect(try await intake.count("intake_service_requests") == 0)
        }
    }

    @Test(arguments: [
        (["SH-1042", "sh-1042"], ["leavingSubHouseholdIds[1]"], "leaving_sub_households.count"),
        (["SH 7"], ["leavingSubHouseholdIds[0]"], "reference.format"),
        ([String](), ["leavingSubHouseholdIds"], "leaving_sub_households.count"),
        ((1...10).map { "SH-\($0)" }, ["leavingSubHouseholdIds"], "leaving_sub_households.count"),
    ])
    func aWrongLeavingListIsRefusedAtItsEntry(leaving: [String], fields: [String], code: String) async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.post("api/v1/service-requests", Self.change(["leavingSubHouseholdIds": leaving]))
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == fields)
            #expect(try answer.errorCodes() == [code])
            #expect(try await intake.count("intake_service_requests") == 0)
        }
    }

    @Test func leavingHouseholdsBelongToTheHouseholdChangeOnly() async throws {
        try await IntakeHarness.run { intake in
            var split = OpenAPITests.meterSplit
            split["leavingSubHouseholdIds"] = ["SH-1043"]
            let answer = try await intake.post("api/v1/service-requests", split)
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["leavingSubHouseholdIds"])
            #expect(try answer.errorCodes() == ["field.not_for_kind"])
        }
    }

    @Test func thePortalFormTakesTheSubHouseholdsThatLeftWithoutANewHousehold() async throws {
        try await IntakeHarness.run { intake in
            let page = "yeu-cau/dich-vu/household_count_change"
            let form = try await intake.get(page)
            #expect(form.text.contains("Mã hộ dùng chung đã chuyển đi 1 (SH-…)"))
            var fields = FormResubmissionTests.inspection
            fields["formKey"] = FormResubmissionTests.formKey(in: form.text)

            let empty = try await intake.submitPage(page, fields)
            #expect(empty.status == 422, "neither joining nor leaving households")
            #expect(empty.text.contains("Vui lòng khai các hộ dùng chung mới, hoặc mã các hộ dùng chung đã chuyển đi"))

            fields["leavingSubHouseholdIds[0]"] = "SH-1042"
            let filed = try await intake.submitPage(page, fields)
            #expect(filed.status == 200)
            let details = try #require(try await intake.awaitSent("intake.service-request.submitted").first?["details"]
                                       as? [String: Any])
            #expect(details["leavingSubHouseholdIds"] as? [String] == ["SH-1042"])
            #expect(details["newHouseholds"] == nil)
        }
    }

    @Test func theSchemaAsksForJoiningOrLeavingHouseholdsButNeitherAlone() async throws {
        try await IntakeHarness.run { intake in
            let document = try await OpenAPITests.document(of: intake)
            let schema = try OpenAPITests.schema("ServiceRequestForm.household_count_change", in: document)
            let required = Set(schema["required"] as? [String] ?? [])
            #expect(!required.contains("newHouseholds") && !required.contains("leavingSubHouseholdIds"))
            let properties = try #require(schema["properties"] as? [String: Any])
            let leaving = try #require(properties["leavingSubHouseholdIds"] as? [String: Any])
            #expect(leaving["type"] as? String == "array")
            let rules = try #require(schema["allOf"] as? [[String: Any]])
            let either = try #require(rules.first?["anyOf"] as? [[String: [String]]])
            #expect(either == [["required": ["newHouseholds"]], ["required": ["leavingSubHouseholdIds"]]])
        }
    }
}
