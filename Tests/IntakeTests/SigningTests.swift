import Contracts
import Foundation
import TestSupport
import Testing

/// Signing the contract (flow steps 6–7): crm's `crm.contract.drafted` brings a code to the
/// applicant's phone; the applicant signs on the portal with it.
@Suite struct SigningTests {
    static let phone = "0912 345 678"

    @Test func aDraftedContractSendsASixDigitCodeToTheRegisteredPhoneOnce() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            #expect(sent.requestCode == code)
            #expect(sent.contractNumber == "HĐ-TK-2025-000123")
            #expect(sent.phone == "+84912345678")
            #expect(sent.signingCode.wholeMatch(of: /\d{6}/) != nil)
            #expect(sent.validityMinutes == 10)
            #expect(sent.branch.name == "Tam Kỳ")

            let again = try await intake.announceContractDrafted(for: code)
            try await intake.awaitHandled([again])
            #expect(intake.logs.contains("no second code", where: "request_code", is: code))
            #expect(try await intake.sentSigningCodes().count == 1)
            #expect(try await intake.count("intake_signing_sessions") == 1)
        }
    }

    @Test func theRightCodeSignsAndAnnouncesTheSignature() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            let answer = try await intake.sign(code, phone: "+84912345678", signingCode: sent.signingCode)

            #expect(answer.status == 200)
            let receipt = try answer.json()
            #expect(receipt["requestCode"] as? String == code)
            #expect(receipt["contractNumber"] as? String == "HĐ-TK-2025-000123")
            let signedAt = try #require(receipt["signedAt"] as? String)
            try await eventually("the signature is on the wire") {
                try await !intake.sent(SignatureCaptured.self).isEmpty
            }
            let captured = try #require(try await intake.sent(SignatureCaptured.self).first)
            #expect(captured.requestCode == code)
            #expect(captured.contractNumber == "HĐ-TK-2025-000123")
            #expect(captured.method == .smsOneTimeCode)
            #expect(ISO8601DateFormatter().string(from: captured.signedAt) == signedAt)
            let wire = try #require(try await intake.observed().first {
                $0["routing_key"] as? String == "\(SignatureCaptured.routingKey).\(code.prefix(4))"
            })
            #expect((wire["properties"] as? [String: Any])?["correlation_id"] as? String == code)

            let again = try await intake.sign(code, phone: Self.phone, signingCode: sent.signingCode)
            #expect(again.status == 409)
            #expect(try again.errorCodes() == ["contract.already_signed"])
        }
    }

    @Test func aWrongCodeIsA422WithTheAttemptsLeftAndTheFifthLocksTheCode() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)
            let wrong = Self.another(than: sent.signingCode)

            var attemptsLeft: [String?] = []
            for _ in 0..<4 {
                let answer = try await intake.sign(code, phone: Self.phone, signingCode: wrong)
                #expect(answer.status == 422)
                #expect(try answer.errorFields() == ["signingCode"])
                attemptsLeft.append(try answer.englishMessage())
            }
            #expect(attemptsLeft == ["4 attempts left", "3 attempts left", "2 attempts left", "1 attempt left"].map {
                "The signing code is wrong; \($0)"
            })
            let fifth = try await intake.sign(code, phone: Self.phone, signingCode: wrong)
            let rightButLocked = try await intake.sign(code, phone: Self.phone, signingCode: sent.signingCode)

            #expect(fifth.status == 423)
            #expect(rightButLocked.status == 423)
            #expect(try rightButLocked.errorCodes() == ["signing_code.locked"])
            #expect(try rightButLocked.englishMessage()?.contains("request a new code") == true)
            #expect(try await intake.sent(SignatureCaptured.self).isEmpty)
        }
    }

    @Test func anExpiredCodeIsA410() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            try await intake.portal(at: Date().addingTimeInterval(11 * 60)) { later in
                let answer = try await later.sign(code, phone: Self.phone, signingCode: sent.signingCode)
                #expect(answer.status == 410)
                #expect(try answer.errorCodes() == ["signing_code.expired"])
            }
            try await intake.portal(at: Date().addingTimeInterval(9 * 60)) { sooner in
                let answer = try await sooner.sign(code, phone: Self.phone, signingCode: sent.signingCode)
                #expect(answer.status == 200)
            }
        }
    }

    @Test func aNewCodeReplacesTheOldOneAndAtMostThreeAreSentAnHour() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let first = try await intake.signingCode(number: 1)

            let reissued = try await intake.requestSigningCode(code, phone: Self.phone)
            #expect(reissued.status == 202)
            let notice = try reissued.json()
            #expect(notice["contractNumber"] as? String == "HĐ-TK-2025-000123")
            #expect(notice["validityMinutes"] as? Int == 10)
            let second = try await intake.signingCode(number: 2)
            #expect(!reissued.text.contains(second.signingCode))

            #expect(first.signingCode != second.signingCode, "a new code, not the old one again")
            let old = try await intake.sign(code, phone: Self.phone, signingCode: first.signingCode)
            #expect(old.status == 422)
            #expect(try await intake.requestSigningCode(code, phone: Self.phone).status == 202)
            let fourth = try await intake.requestSigningCode(code, phone: Self.phone)
            #expect(fourth.status == 429)
            #expect(try fourth.errorCodes() == ["signing_code.too_many"])
            #expect(fourth.header("Retry-After").flatMap(Int.init).map { (3500...3600).contains($0) } == true)

            let third = try await intake.signingCode(number: 3)
            #expect(try await intake.sign(code, phone: Self.phone, signingCode: third.signingCode).status == 200)
        }
    }

    @Test func beforeTheContractIsDraftedThereIsNothingToSign() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()

            let signing = try await intake.sign(code, phone: Self.phone, signingCode: "123456")
            let newCode = try await intake.requestSigningCode(code, phone: Self.phone)

            #expect(signing.status == 409)
            #expect(try signing.errorCodes() == ["contract.not_drafted"])
            #expect(newCode.status == 409)
        }
    }

    @Test func aWrongPhoneCannotSignNorAskForACode() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            let signing = try await intake.sign(code, phone: "0987 654 321", signingCode: sent.signingCode)
            let newCode = try await intake.requestSigningCode(code, phone: "0987 654 321")
            let tracking = try await intake.track(code, phone: "0987 654 321")

            #expect(signing.status == 404)
            #expect(newCode.status == 404)
            #expect(signing.body == tracking.body)
        }
    }

    @Test func theCodeIsNeverLoggedNorAnswered() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let first = try await intake.signingCode(number: 1)
            let wrong = try await intake.sign(code, phone: Self.phone, signingCode: Self.another(than: first.signingCode))
            let reissued = try await intake.requestSigningCode(code, phone: Self.phone)
            let second = try await intake.signingCode(number: 2)
            let signed = try await intake.sign(code, phone: Self.phone, signingCode: second.signingCode)
            #expect(signed.status == 200)

            for secret in [first.signingCode, second.signingCode] {
                for answer in [wrong, reissued, signed] {
                    #expect(!answer.text.contains(secret))
                }
                let leaks = intake.logs.all.filter { line in
                    line.message.contains(secret) || line.metadata.values.contains { $0.contains(secret) }
                }
                #expect(leaks.isEmpty)
            }
            #expect(intake.logs.contains("signing code sent", where: "request_code", is: code))
            #expect(intake.logs.contains("contract signed", where: "correlation_id", is: code))
        }
    }

    /// A six-digit code that is not `code`.
    static func another(than code: String) -> String {
        let number = (Int(code)! + 1) % 1_000_000
        let text = String(number)
        return String(repeating: "0", count: 6 - text.count) + text
    }
}
