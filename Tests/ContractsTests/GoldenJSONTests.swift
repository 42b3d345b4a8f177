import Contracts
import Foundation
import Testing

/// The exact bytes a consumer in another language reads: field names, enum values, date
/// and day forms are part of the contract, not details of Swift's encoder.
@Suite("Wire form of intake.request.submitted v1")
struct GoldenJSONTests {
    @Test func theBodyIsThisExactJSON() throws {
        let body = String(decoding: try WireJSON.encode(ContractSamples.requestSubmitted), as: UTF8.self)
        #expect(body == """
            {"applicant":{"email":"an.nguyen@example.vn","fullName":"Nguyễn Văn An","idNumber":"049088012345",\
            "phone":"+84912345678"},"branch":{"code":"PC05TK","hotline":"0235 3852 999","name":"Tam Kỳ"},"channel":"phone","consentGivenAt":"2025-11-24T08:14:30Z",\
            "extraHouseholds":[{"fullName":"Trần Thị Bích","idNumber":"049195004321"}],"householdCount":2,\
            "operatorId":"cc-0042","purpose":"residential","requestCode":"QNA-25-000123",\
            "requestKind":"new_lv_connection","site":{"areaClass":"urban","branchCode":"PC05TK",\
            "communeCode":"20314","province":"Đà Nẵng","street":"12 Phan Chu Trinh, tổ 3"},\
            "submittedAt":"2025-11-24T08:15:00Z"}
            """)
    }

    @Test func anAbsentOptionalFieldIsLeftOutNotNull() throws {
        var request = ContractSamples.requestSubmitted
        request.channel = .web
        request.operatorId = nil
        request.applicant.email = nil
        let body = String(decoding: try WireJSON.encode(request), as: UTF8.self)
        #expect(!body.contains("operatorId"))
        #expect(!body.contains("email"))
        #expect(!body.contains("null"))
        #expect(try WireJSON.roundTrip(request) == request)
    }

    @Test func aNonSwiftReaderFindsTheFieldsByName() throws {
        let object = try #require(
            JSONSerialization.jsonObject(with: WireJSON.encode(ContractSamples.requestSubmitted)) as? [String: Any])
        let site = try #require(object["site"] as? [String: Any])
        #expect(site["branchCode"] as? String == "PC05TK")
        #expect(object["householdCount"] as? Int == 2)
    }
}
