import Foundation
@testable import Households
import Messaging
import TestSupport
import Testing

/// Existing dossiers imported in bulk from a unit's files: every valid row in, every bad one
/// reported, and the people held in two dossiers left for the duplicate report.
@Suite struct DossierImportTests {
    static let header = "customer_code,unit,role,full_name,id_number,household_book,permanent_address,"
        + "confirmation_issuer,confirmation_number,confirmation_issued_on,confirmation_valid_until,persons,contact_phone"

    static let file = [
        header,
        "PC05TK0000001,PC05TK,main,Nguyễn Văn An,049088012345,,,,,,,,+84905123456",
        "PC05TK0000001,PC05TK,sub,Trần Thị Bích,049195004321,12034567,\"Thôn 3, xã Tam Thăng\",Công an xã Tam Thăng,XN-1,2025-01-10,\(Samples.longValid),,",
        "PC05TK0000001,PC05TK,sub,Nhóm thuê trọ Lê,048090001234,,Thôn 3,Công an xã Tam Thăng,XN-2,2025-02-01,,2,",
        "PC05TK0000002,PC05TK,main,Phạm Thị Dung,049192007788,,,,,,,,",
        "PC05TK0000002,PC05TK,sub,Trần Thị Bích,049195004321,,Tổ 5 phường An Mỹ,Công an phường An Mỹ,XN-3,2025-03-01,\(Samples.longValid),,",
        "PC05TK0000002,PC05TK,sub,Võ Thị Én,049199001122,12034567,Tổ 5 phường An Mỹ,Công an phường An Mỹ,XN-4,2025-03-01,\(Samples.longValid),,",
        "PC05TK0000003,PC05TK,sub,Hồ Văn Phúc,049187005566,,Tổ 1,Công an phường An Mỹ,XN-5,2025-03-01,,,",
        "PC05TK0000002,PC05TK,sub,Đặng Văn Giang,099088012345,,Tổ 5,Công an phường An Mỹ,XN-6,2025-03-01,,,",
        "PC05HA0000009,PC05HA,main,Hồ Thị Gấm,049170003344,,,,,,,,",
    ].joined(separator: "\n")

    @Test func aBulkFileOpensDossiersAddsHouseholdsAndLeavesDuplicatesToTheReport() async throws {
        try await HouseholdsHarness.run { households in
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            let summary = try await households.upload("api/v1/dossier-imports", csv: Self.file, token: corporation).expect(200)
            #expect(summary["rows"] as? Int == 9)
            #expect(summary["added"] as? Int == 7)
            let rejected = try #require(summary["rejected"] as? [[String: Any]])
            #expect(rejected.map { "\($0["line"] as? Int ?? 0):\($0["field"] as? String ?? ""):\($0["code"] as? String ?? "")" } == [
                "8:customer_code:dossier.not_found",
                "9:id_number:id_number.invalid_province",
            ])

            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let first = try await households.get("api/v1/dossiers?customerCode=PC05TK0000001", token: officer).expect(200)
            #expect(Samples.allowance(first) == "10 = 2½")
            #expect(first["maskedContactPhone"] as? String != nil)
            let second = try await households.get("api/v1/dossiers?customerCode=PC05TK0000002", token: officer).expect(200)
            #expect(Samples.allowance(second) == "12 = 3")
            // The first count of an imported dossier is no change: crm hears of none.
            try await households.awaitOutboxDrained()
            #expect(try await households.sent("households.count.changed").isEmpty)

            let report = try await households.get("api/v1/duplicates", token: corporation).expect(200)
            let cases = try #require(report["cases"] as? [[String: Any]])
            #expect(cases.map { $0["key"] as? String } == ["id_number", "household_book"])
            for found in cases {
                let holdings = try #require(found["holdings"] as? [[String: String]])
                #expect(holdings.map { $0["customerCode"] } == ["PC05TK0000001", "PC05TK0000002"])
            }
            #expect(!report.description.contains("049195004321"))
            let reports = households.host.definition.program.reports
            let whole = try await reports.duplicates(unit: nil)
            #expect(whole.cases.count == 2)
            for pageSize in [1, 2] {
                let lists = WholeListResponses(reports: reports, document: try RepricingDocument(), pageSize: pageSize)
                let body = try await lists.duplicates(unit: nil).collectedBody()
                let streamed = try JSONCoding.decoder.decode(DuplicateReport.self, from: body)
                #expect(try JSONCoding.encoder.encode(streamed.cases) == JSONCoding.encoder.encode(whole.cases),
                        "the report written \(pageSize) case at a time is the whole report")
            }

            // No ID number or household book given is in the logs or the store in full.
            let given = Self.file.split(whereSeparator: { !$0.isNumber }).map(String.init)
                .filter { [8, 9, 12].contains($0.count) && !$0.hasPrefix("2025") && !$0.hasPrefix("2030") }
            #expect(given.count == 11)
            let logged = households.logs.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            let stored = try households.storeBytes()
            for number in given {
                #expect(!logged.contains(number), "\(number.prefix(3))… was logged unmasked")
                #expect(stored.range(of: Data(number.utf8)) == nil, "\(number.prefix(3))… is stored in plain text")
            }
        }
    }

    @Test func theDuplicatesAreReadPageByPageAfterTheLastCaseOfEachPage() async throws {
        try await HouseholdsHarness.run { households in
            let corporation = try await households.token(.householdsOfficer, unit: "CORP")
            _ = try await households.upload("api/v1/dossier-imports", csv: Self.file, token: corporation).expect(200)
            let officer = try await households.token(.householdsOfficer, unit: Samples.unit)
            let first = try await households.get("api/v1/duplicates?limit=1", token: officer).expect(200)
            #expect((first["cases"] as? [[String: Any]])?.map { $0["key"] as? String } == ["id_number"])
            let next = try #require(first["next"] as? String)
            #expect(next.hasPrefix("id_number:SH-"), "the position names a household, never the number")
            let second = try await households.get("api/v1/duplicates?limit=2&after=\(next)", token: officer).expect(200)
            #expect((second["cases"] as? [[String: Any]])?.map { $0["key"] as? String } == ["household_book"])
            #expect(second["next"] == nil)

            let named = try await households.get("api/v1/duplicates?unit=\(Samples.unit)&limit=5", token: corporation)
                .expect(200)
            #expect((named["cases"] as? [Any])?.count == 2)
            let elsewhere = try await households.get("api/v1/duplicates?unit=\(Samples.otherUnit)&limit=5",
                                                     token: corporation).expect(200)
            #expect((elsewhere["cases"] as? [Any])?.isEmpty == true, "a page holds only the named unit's cases")
            let other = try await households.token(.householdsOfficer, unit: Samples.otherUnit)
            #expect(try await households.get("api/v1/duplicates?unit=\(Samples.unit)&limit=1", token: other).status == 403)
            let refused = try await households.get("api/v1/duplicates?limit=1&after=SH-1", token: officer)
            #expect(refused.status == 422)
            #expect(try refused.errorFields() == ["after"])
        }
    }

    @Test func aUnitsOfficerImportsOnlyTheirOwnUnitsRows() async throws {
        try await HouseholdsHarness.run { households in
            let officer = try await households.token(.householdsOfficer, unit: Samples.otherUnit)
            let summary = try await households.upload("api/v1/dossier-imports", csv: Self.file, token: officer).expect(200)
            #expect(summary["added"] as? Int == 1)
            let rejected = try #require(summary["rejected"] as? [[String: Any]])
            #expect(rejected.filter { $0["code"] as? String == "unit.other" }.count == 7)
            #expect(try await households.count("households_dossiers") == 1)
        }
    }
}
