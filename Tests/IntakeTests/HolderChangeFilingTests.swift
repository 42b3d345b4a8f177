import Contracts
import Foundation
import TestSupport
import Testing

/// A change of holder names the new holder with their own phone: without a usable phone the
/// form is refused at that field, in Vietnamese and English; with one, the phone travels to
/// crm with the new holder.
@Suite struct HolderChangeFilingTests {
    static func form(newHolderPhone: String?) -> [String: Any] {
        var newHolder: [String: Any] = ["fullName": "Trần Văn Bình", "idNumber": "049090004567"]
        newHolder["phone"] = newHolderPhone
        return [
            "kind": "change_of_holder", "channel": "web", "customerCode": "PC05TK0012345",
            "requester": ["fullName": "Nguyễn Văn An", "idNumber": "049088012345", "phone": "0912 345 678"],
            "newHolder": newHolder, "consent": true,
        ]
    }

    @Test func aNewHolderWithoutAPhoneIsRefusedAtThatField() async throws {
        try await IntakeHarness.run { intake in
            let missing = try await intake.post("api/v1/service-requests", Self.form(newHolderPhone: nil))
            #expect(missing.status == 422)
            #expect(try missing.errorFields() == ["newHolder.phone"])

            let landline = try await intake.post("api/v1/service-requests", Self.form(newHolderPhone: "0235 3851 234"))
            #expect(landline.status == 422)
            #expect(try landline.errorFields() == ["newHolder.phone"])
            let error = try #require((try landline.json()["errors"] as? [[String: Any]])?.first)
            let message = try #require(error["message"] as? [String: String])
            #expect(message["vi"]?.isEmpty == false && message["en"]?.isEmpty == false)
            #expect(message["vi"] != message["en"], "the message is given in Vietnamese and in English")
            #expect(try await intake.count("intake_service_requests") == 0)
        }
    }

    @Test func theNewHoldersPhoneTravelsWithTheNewHolder() async throws {
        try await IntakeHarness.run { intake in
            let filed = try await intake.post("api/v1/service-requests", Self.form(newHolderPhone: "0987 654 321"))
            #expect(filed.status == 201)
            try await eventually("the request is on the wire") {
                try await !intake.sent(ServiceRequestSubmitted.self).isEmpty
            }
            let request = try #require(try await intake.sent(ServiceRequestSubmitted.self).first)
            #expect(request.details.newHolder == Person(fullName: "Trần Văn Bình", idNumber: "049090004567"))
            #expect(request.details.newHolderContact == CustomerContact(phone: "+84987654321"))
            #expect(request.requester.phone == "+84912345678", "the one leaving keeps their own phone")
        }
    }
}
