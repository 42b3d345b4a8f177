import Foundation
import TestSupport
import Testing

/// A portal form sent twice files one request: each form carries its own `formKey`, recorded
/// like an API client's `Idempotency-Key`.
@Suite struct FormResubmissionTests {
    static let inspection: [String: String] = [
        "customerCode": "PC05TK0012345", "requester.fullName": "Nguyễn Văn An", "requester.idNumber": "049088012345",
        "requester.phone": "0912 345 678", "note": "Hóa đơn tăng bất thường", "consent": "true",
    ]

    @Test func aServiceRequestFormSentTwiceFilesOneRequestAndBothSendsShowItsReceipt() async throws {
        try await IntakeHarness.run { intake in
            let form = try await intake.get("yeu-cau/dich-vu/meter_inspection")
            let key = try #require(Self.formKey(in: form.text))
            var fields = Self.inspection
            fields["formKey"] = key

            let first = try await intake.submitPage("yeu-cau/dich-vu/meter_inspection", fields)
            let second = try await intake.submitPage("yeu-cau/dich-vu/meter_inspection", fields)

            #expect(first.status == 200 && second.status == 200, "both sends reach the receipt")
            let code = try #require(Self.requestCode(in: first.text))
            #expect(Self.requestCode(in: second.text) == code)
            #expect(try await intake.count("intake_service_requests") == 1)

            fields["note"] = "Công tơ chạy nhanh"
            let changed = try await intake.submitPage("yeu-cau/dich-vu/meter_inspection", fields)
            #expect(changed.status == 409)
            #expect(changed.text.contains("Biểu mẫu này đã được gửi trước đó với nội dung khác"))
            let fresh = try #require(Self.formKey(in: changed.text))
            #expect(fresh != key, "the form comes back with a new key, to be sent anew")
            #expect(try await intake.count("intake_service_requests") == 1)

            fields["formKey"] = fresh
            let anew = try await intake.submitPage("yeu-cau/dich-vu/meter_inspection", fields)
            #expect(anew.status == 200)
            #expect(Self.requestCode(in: anew.text) != code)
            #expect(try await intake.count("intake_service_requests") == 2)
        }
    }

    @Test func everyNewFormHasItsOwnKeyAndAFormShownWithErrorsKeepsIt() async throws {
        try await IntakeHarness.run { intake in
            let one = try #require(Self.formKey(in: try await intake.get("yeu-cau/cap-dien-moi").text))
            let another = try #require(Self.formKey(in: try await intake.get("yeu-cau/cap-dien-moi").text))
            #expect(one != another)

            var fields = Self.inspection
            fields["formKey"] = one
            fields["consent"] = nil
            let refused = try await intake.submitPage("yeu-cau/dich-vu/meter_inspection", fields)
            #expect(refused.status == 422)
            #expect(Self.formKey(in: refused.text) == one)
            #expect(try await intake.count("intake_service_requests") == 0)
        }
    }

    static func formKey(in page: String) -> String? {
        page.firstMatch(of: /name="formKey" value="([0-9A-F-]{36})"/).map { String($0.1) }
    }

    static func requestCode(in page: String) -> String? {
        page.firstMatch(of: /id="request-code">([A-Z0-9-]+)</).map { String($0.1) }
    }
}
