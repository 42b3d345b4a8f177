import Foundation
import TestSupport
import Testing

/// The portal's change-of-holder form asks for the new holder's own phone, in Vietnamese and
/// English, and marks it when it is left out.
@Suite struct HolderChangeFormPageTests {
    static let path = "yeu-cau/dich-vu/change_of_holder"

    @Test func theFormAsksForTheNewHoldersPhoneAndMarksItWhenLeftOut() async throws {
        try await IntakeHarness.run { intake in
            let form = try await intake.get(Self.path)
            #expect(form.text.contains("Số điện thoại di động của chủ hợp đồng mới"))
            #expect(form.text.contains(#"name="newHolder.phone""#))
            let english = try await intake.get("\(Self.path)?lang=en")
            #expect(english.text.contains(#"name="newHolder.phone""#))
            #expect(english.text.contains("New holder&#39;s mobile phone") || english.text.contains("New holder's mobile phone"))

            let key = try #require(FormResubmissionTests.formKey(in: form.text))
            let fields = [
                "formKey": key, "customerCode": "PC05TK0012345", "requester.fullName": "Nguyễn Văn An",
                "requester.idNumber": "049088012345", "requester.phone": "0912 345 678",
                "newHolder.fullName": "Trần Văn Bình", "newHolder.idNumber": "049090004567", "consent": "true",
            ]
            let refused = try await intake.submitPage(Self.path, fields)
            #expect(refused.status == 422)
            #expect(refused.text.contains(/name="newHolder\.phone"[^>]*aria-invalid="true"/))
            #expect(try await intake.count("intake_service_requests") == 0)

            var complete = fields
            complete["newHolder.phone"] = "0987 654 321"
            let filed = try await intake.submitPage(Self.path, complete)
            #expect(filed.status == 200)
            #expect(FormResubmissionTests.requestCode(in: filed.text) != nil)
        }
    }
}
