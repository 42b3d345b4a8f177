import Foundation
import TestSupport
import Testing

/// The portal's own pages for a request's customer: the tracking link every notice carries,
/// and the signing form's "send me a new code", under the same rules as the API.
@Suite struct SigningPageTests {
    static let phone = "0912 345 678"

    @Test func theReceiptsTrackingLinkOpensTheTrackingFormWithTheCodeFilledIn() async throws {
        try await IntakeHarness.run { intake in
            let receipt = try await intake.submit(SampleForms.web())
            let code = try #require(try receipt.json()["requestCode"] as? String)
            let link = try #require(receipt.location)
            #expect(link == "/track/\(code)")
            #expect(try receipt.json()["trackingUrl"] as? String == link)

            let page = try await intake.get(String(link.dropFirst()))

            #expect(page.status == 200)
            #expect(page.text.contains(#"<form method="post" action="/tra-cuu""#))
            #expect(page.text.contains(#"name="code" value="\#(code)""#))
            #expect(page.text.contains(#"name="phone" value="""#))
            #expect(PageElement(id: "email-inquiries", in: page.text)?.inner.hasPrefix(
                "Yêu cầu gửi qua thư điện tử không tra cứu tại đây: Điện lực trả lời trong chuỗi thư của Quý khách.") == true,
                "an e-mailed inquiry has no phone to track it by; the page sends its writer to the thread")
        }
    }

    @Test func aNewCodeAskedForOnTheSigningPageReplacesTheOldOneAndSigns() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let first = try await intake.signingCode(number: 1)

            let page = try await intake.submitPage("ky-hop-dong/ma-moi", ["code": code, "phone": Self.phone])

            #expect(page.status == 200)
            #expect(page.text.contains(#"id="new-code-sent""#))
            #expect(page.text.contains("Mã có hiệu lực 10 phút"))
            #expect(page.text.contains(#"name="code" value="\#(code)""#), "the form keeps the request code")
            let second = try await intake.signingCode(number: 2)
            #expect(!page.text.contains(second.signingCode), "the code goes by SMS only")
            #expect(second.phone == "+84912345678")
            if first.signingCode != second.signingCode {
                let old = try await intake.submitPage("ky-hop-dong", [
                    "code": code, "phone": Self.phone, "signingCode": first.signingCode,
                ])
                #expect(old.status == 422)
            }
            let signed = try await intake.submitPage("ky-hop-dong", [
                "code": code, "phone": Self.phone, "signingCode": second.signingCode,
            ])
            #expect(signed.status == 200)
            #expect(signed.text.contains("HĐ-TK-2025-000123"))
        }
    }

    @Test func theSigningPageSendsNoMoreCodesThanTheAPIAllowsInAnHour() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            _ = try await intake.signingCode(number: 1)
            for _ in 1...2 {
                #expect(try await intake.submitPage("ky-hop-dong/ma-moi", ["code": code, "phone": Self.phone]).status == 200)
            }

            let fourth = try await intake.submitPage("ky-hop-dong/ma-moi", ["code": code, "phone": Self.phone])

            #expect(fourth.status == 429)
            #expect(fourth.header("Retry-After").flatMap(Int.init).map { (3500...3600).contains($0) } == true)
            #expect(fourth.text.contains("Xin thử lại sau"))
            _ = try await intake.signingCode(number: 3)
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sentSigningCodes().count == 3)
        }
    }

    @Test func aWrongPhoneOnTheSigningPageGetsNoCodeAndIsToldBesideTheCode() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            _ = try await intake.signingCode(number: 1)

            let page = try await intake.submitPage("ky-hop-dong/ma-moi", ["code": code, "phone": "0987 654 321"])
            let malformed = try await intake.submitPage("ky-hop-dong/ma-moi", ["code": code, "phone": "12"])

            #expect(page.status == 404)
            #expect(page.text.contains(#"id="code-error""#))
            #expect(!page.text.contains(#"id="new-code-sent""#))
            #expect(malformed.status == 422)
            #expect(malformed.text.contains(#"id="phone-error""#))
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sentSigningCodes().count == 1)
        }
    }

    @Test func theDraftedContractIsReadBeforeSigningAndPrintable() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            let early = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": Self.phone])
            #expect(early.status == 409, "nothing to read before crm drafts the contract")
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            let page = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": Self.phone])

            #expect(page.status == 200)
            for shown in [
                #"id="contract-number">HĐ-TK-2025-000123<"#, #"id="seller">Điện lực Tam Kỳ (0235 3852 999)<"#,
                #"id="buyer">Nguyễn Văn An<"#, #"id="buyer-id">049*******23<"#, "12 Phan Chu Trinh, tổ 3", "Quảng Nam", #"id="meter">TK-1P-000042<"#,
                #"id="purpose">Sinh hoạt<"#, #"id="tariff-group">Giá bán lẻ điện sinh hoạt (bậc thang)<"#,
                #"id="households">2<"#, #"<button class="print""#,
            ] {
                #expect(page.text.contains(shown), "the contract shows \(shown)")
            }
            #expect(!page.text.contains("residential-tiered"), "no raw tariff code")
            #expect(page.text.contains("định mức mỗi bậc giá được nhân với số hộ"))
            #expect(page.text.contains(#"<form method="post" action="/ky-hop-dong""#), "the signing form follows")
            #expect(page.text.contains(#"name="code" value="\#(code)""#))

            let wrongPhone = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": "0987 654 321"])
            #expect(wrongPhone.status == 404)
            #expect(!wrongPhone.text.contains("Nguyễn Văn An"))

            let signed = try await intake.submitPage("ky-hop-dong", [
                "code": code, "phone": Self.phone, "signingCode": sent.signingCode,
            ])
            #expect(signed.status == 200)
            let afterwards = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": Self.phone])
            #expect(afterwards.text.contains(#"id="buyer">Nguyễn Văn An<"#), "the signed contract can be read again")
        }
    }
}
