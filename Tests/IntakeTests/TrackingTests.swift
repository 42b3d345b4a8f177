import Contracts
import Foundation
import TestSupport
import Testing

/// `POST /api/v1/requests/{code}/tracking` as the applicant uses it: the code from the receipt
/// and the phone given with the request, in whatever form they type it.
@Suite struct TrackingTests {
    static func timeline(_ code: String) -> RequestTimeline {
        RequestTimeline(
            requestCode: code, branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"),
            dueDate: CalendarDate("2025-11-27")!,
            steps: [
                TimelineStep(at: Date(timeIntervalSince1970: 1_763_972_100), actor: .crm,
                             label: LocalizedText(vi: "Đã mở phiếu yêu cầu", en: "Ticket opened")),
                TimelineStep(at: Date(timeIntervalSince1970: 1_764_000_000), actor: .crm,
                             label: LocalizedText(vi: "Đã khảo sát hiện trường", en: "Site surveyed")),
            ])
    }

    @Test func theRightPhoneInAnyFormShowsCrmsTimeline() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.withCrm(answering: { Self.timeline($0) }) {
                let answer = try await intake.track(code, phone: "+84 912 345 678")

                #expect(answer.status == 200)
                let body = try answer.json()
                #expect(body["requestCode"] as? String == code)
                #expect(body["dueDate"] as? String == "2025-11-27")
                #expect(body["channel"] as? String == "web")
                #expect((body["branch"] as? [String: Any])?["hotline"] as? String == "0235 3852 999")
                let steps = try #require(body["steps"] as? [[String: Any]])
                #expect(steps.map { ($0["label"] as? [String: String])?["en"] } == ["Ticket opened", "Site surveyed"])
                #expect(steps.first?["actor"] as? String == "crm")
                #expect(steps.first?["at"] as? String == "2025-11-24T08:15:00Z")
                #expect(intake.logs.contains("request tracked", where: "request_code", is: code))
            }
        }
    }

    @Test func aWrongPhoneAndAnUnknownCodeGetTheSameBilingual404() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let wrongPhone = try await intake.track(code, phone: "0987 654 321")
            let unknownCode = try await intake.track("PC05TK-251124-999999", phone: "0912 345 678")

            #expect(wrongPhone.status == 404)
            #expect(unknownCode.status == 404)
            #expect(wrongPhone.body == unknownCode.body)
            let message = try #require((try wrongPhone.json()["errors"] as? [[String: Any]])?.first?["message"] as? [String: String])
            #expect(message["vi"]?.isEmpty == false)
            #expect(message["en"]?.isEmpty == false)
            #expect(!wrongPhone.text.contains(code))
        }
    }

    @Test func tenFailuresWithinFifteenMinutesCloseTheCodeEvenToTheRightPhone() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            for _ in 0..<10 {
                #expect(try await intake.track(code, phone: "0987 654 321").status == 404)
            }
            let refused = try await intake.track(code, phone: "0912 345 678")

            #expect(refused.status == 429)
            #expect(try refused.errorCodes() == ["request.too_many_failures"])
            #expect(try await intake.requestSigningCode(code, phone: "0912 345 678").status == 429)
            try await intake.portal(at: Date().addingTimeInterval(16 * 60)) { later in
                let answer = try await later.track(code, phone: "0912 345 678")
                #expect(answer.status == 200)
            }
        }
    }

    @Test func whenCrmDoesNotAnswerTheCustomerSeesIntakesOwnStep() async throws {
        try await IntakeHarness.run(environment: ["CRM_LOOKUP_TIMEOUT_MS": "300"]) { intake in
            let receipt = try await intake.submit(SampleForms.web()).json()
            let code = try #require(receipt["requestCode"] as? String)
            try await intake.crmSilent()

            let answer = try await intake.track(code, phone: "0912345678")

            #expect(answer.status == 200)
            let body = try answer.json()
            #expect(body["requestCode"] as? String == code)
            #expect(body["dueDate"] == nil)
            #expect(body["channel"] as? String == "web")
            #expect((body["branch"] as? [String: Any])?["name"] as? String == "Tam Kỳ")
            let steps = try #require(body["steps"] as? [[String: Any]])
            #expect(steps.count == 1)
            #expect(steps.first?["actor"] as? String == "intake")
            #expect(steps.first?["at"] as? String == receipt["submittedAt"] as? String)
            #expect(steps.first?["label"] as? [String: String] == ["vi": "Đã tiếp nhận yêu cầu", "en": "Request received"])
            #expect(intake.logs.all.contains { $0.level == .warning && $0.metadata["request_code"] == code
                && $0.metadata["reason"]?.contains("no answer") == true })
        }
    }

    @Test func theAnswerAndThePageNameTheChannelTheRequestCameBy() async throws {
        try await IntakeHarness.run(environment: ["CRM_LOOKUP_TIMEOUT_MS": "300"]) { intake in
            var form = SampleForms.web()
            form["channel"] = "phone"
            form["operatorId"] = "cc-0042"
            let code = try #require(try await intake.submit(form).json()["requestCode"] as? String)
            try await intake.crmSilent()

            #expect(try await intake.track(code, phone: "0912345678").json()["channel"] as? String == "phone")
            let page = try await intake.call("POST", "tra-cuu", body: Data("code=\(code)&phone=0912345678".utf8),
                                             headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(page.status == 200)
            #expect(page.text.contains("Tiếp nhận qua: Tổng đài 1900 1909"), "\(page.text)")
        }
    }

    @Test func whenCrmHasNoTicketYetTheCustomerSeesIntakesOwnStep() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.withCrm(answering: { _ in nil }) {
                let answer = try await intake.track(code, phone: "0912345678")

                #expect(answer.status == 200)
                let steps = try #require(try answer.json()["steps"] as? [[String: Any]])
                #expect(steps.map { $0["actor"] as? String } == ["intake"])
                #expect(!intake.logs.all.contains { $0.level == .warning })
            }
        }
    }

    @Test func aPhoneThatIsNotAMobileIsAFieldError() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let answer = try await intake.post("api/v1/requests/\(code)/tracking", [:])

            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["phone"])
            #expect(try await intake.track(code, phone: "0235 3852 999").status == 422)
        }
    }
}
