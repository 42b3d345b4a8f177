import Contracts
import Foundation
import GRDB
import Intake
import ServiceKit
import TestSupport
import Testing

/// The signed copy: the contract fixed at the signature as the bytes signed, sent with their
/// SHA-256 in `intake.signature.captured` and given back to the signer from the portal.
@Suite struct SignedCopyTests {
    static let phone = "0912 345 678"

    @Test func theSignerDownloadsTheBytesSignedWhoseHashTheSignaturePageAndTheEventCarry() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            let signed = try await intake.submitPage("ky-hop-dong", [
                "code": code, "phone": Self.phone, "signingCode": sent.signingCode,
            ])

            #expect(signed.status == 200)
            let shownHash = try #require(PageElement(id: "signed-copy-sha256", in: signed.text)?.inner)
            #expect(shownHash.wholeMatch(of: /[0-9a-f]{64}/) != nil)
            let download = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": code, "phone": Self.phone])
            #expect(download.status == 200)
            #expect(download.header("Content-Disposition") == "attachment; filename=\"hop-dong-\(code).html\"")
            #expect(download.header("Content-Type") == "text/html; charset=utf-8")
            #expect(SignedDocument.sha256(of: download.body) == shownHash, "the bytes are the ones whose hash was shown")
            let document = String(decoding: download.body, as: UTF8.self)
            #expect(document.contains("12 Phan Chu Trinh, tổ 3, Phường Tân Thạnh, Quảng Nam"), "the supply point")
            #expect(document.contains("Giá bán lẻ điện sinh hoạt (bậc thang)"), "the tariff group")
            #expect(document.contains("<dt>Bên mua điện</dt><dd>Nguyễn Văn An</dd>"), "the buyer")
            #expect(document.contains("<dt>Số CCCD của bên mua điện</dt><dd>049*******23</dd>"),
                    "the buyer's ID number, masked as the company's pages show it")
            #expect(document.contains("<dt>Số hộ dùng chung công tơ</dt><dd>2</dd>"))
            #expect(document.contains("HĐ-TK-2025-000123"))
            #expect(document.contains("Bên mua điện đã ký hợp đồng lúc"), "the signature and its time")

            try await eventually("the signature is on the wire") { try await !intake.sent(SignatureCaptured.self).isEmpty }
            let captured = try #require(try await intake.sent(SignatureCaptured.self).first?.document)
            #expect(captured.sha256 == shownHash)
            #expect(Data(captured.text.utf8) == download.body, "crm is sent the very bytes the customer downloads")
            #expect(captured.mediaType == "text/html; charset=utf-8")

            let again = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": code, "phone": Self.phone])
            #expect(again.body == download.body, "the copy is fixed: the same bytes every time")

            // Kept sealed: `evnctl reseal` knows the column, and every sealed value opens.
            let sealed = try await intake.host.context.store.database.read { db in
                try Data.fetchOne(db, sql: "SELECT signed_copy_sealed FROM intake_signing_sessions")
            }
            #expect(sealed.map { !String(decoding: $0, as: UTF8.self).contains("Phan Chu Trinh") } == true)
            let reseal = try await StoreResealer(database: intake.host.context.store.database,
                                                 personalData: intake.host.context.personalData,
                                                 tables: IntakeService.personalDataTables).run()
            #expect(reseal.unreadable.values.allSatisfy { $0 == 0 }, "\(reseal.unreadable)")
        }
    }

    @Test func anotherPhoneGetsTheTrackingPages404AndNoCopy() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)
            let receipt = try await intake.sign(code, phone: "+84912345678", signingCode: sent.signingCode)
            #expect(receipt.status == 200)
            #expect((try receipt.json()["signedCopySHA256"] as? String)?.wholeMatch(of: /[0-9a-f]{64}/) != nil,
                    "the API's receipt names the hash of what was signed")

            let stranger = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": code, "phone": "0987 654 321"])
            let tracking = try await intake.submitPage("tra-cuu", ["code": code, "phone": "0987 654 321"])
            let otherCode = try await intake.submitPage("ky-hop-dong/ban-da-ky", [
                "code": "PC05TK-251124-999999", "phone": Self.phone,
            ])

            #expect(tracking.status == 404)
            #expect(stranger.status == 404)
            #expect(otherCode.status == 404)
            #expect(stranger.header("Content-Disposition") == nil)
            #expect(!stranger.text.contains("Phan Chu Trinh"), "nothing of the contract reaches another phone")
            #expect(stranger.text.contains("Không tìm thấy yêu cầu với mã và số điện thoại này"))
        }
    }

    @Test func theAPIGivesTheSignerTheSameCopyAndRefusesOthersWithItsErrors() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)
            let early = try await intake.post("api/v1/requests/\(code)/signed-copy", ["phone": Self.phone])
            #expect(early.status == 409)
            #expect(try early.errorCodes() == ["contract.not_signed"])
            let receipt = try await intake.sign(code, phone: "+84912345678", signingCode: sent.signingCode)
            let hash = try #require(try receipt.json()["signedCopySHA256"] as? String)

            let copy = try await intake.post("api/v1/requests/\(code)/signed-copy", ["phone": Self.phone])
            let page = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": code, "phone": Self.phone])
            let stranger = try await intake.post("api/v1/requests/\(code)/signed-copy", ["phone": "0987 654 321"])
            let noPhone = try await intake.post("api/v1/requests/\(code)/signed-copy", [String: String]())

            #expect(copy.status == 200)
            #expect(copy.header("Content-Type") == "text/html; charset=utf-8")
            #expect(copy.header("Cache-Control") == "no-store")
            #expect(SignedDocument.sha256(of: copy.body) == hash)
            #expect(copy.body == page.body, "the API and the portal give the same bytes")
            #expect(stranger.status == 404)
            #expect(!stranger.text.contains("Phan Chu Trinh"))
            #expect(noPhone.status == 422)
            #expect(try noPhone.errorFields() == ["phone"])
        }
    }

    @Test func beforeTheSignatureThereIsNoCopyToTake() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            _ = try await intake.signingCode(number: 1)

            let early = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": code, "phone": Self.phone])

            #expect(early.status == 409)
            #expect(early.text.contains("Hợp đồng của yêu cầu này chưa được ký"))
            #expect(try await intake.count("intake_signing_sessions") == 1)
        }
    }

    @Test func theTrackingPageOffersTheCopyOnceTheApplicantHasSigned() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)
            try await intake.withCrm(answering: { _ in nil }) {
                let before = try await intake.submitPage("tra-cuu", ["code": code, "phone": Self.phone])
                #expect(before.status == 200)
                #expect(!before.text.contains(#"id="download-signed-copy""#), "nothing is signed yet")

                #expect(try await intake.sign(code, phone: "+84912345678", signingCode: sent.signingCode).status == 200)
                let after = try await intake.submitPage("tra-cuu", ["code": code, "phone": Self.phone])

                let form = try #require(PageElement(id: "signed-copy", in: after.text)?.inner)
                #expect(form.contains(#"name="code" value="\#(code)""#))
                #expect(form.contains("Tải bản hợp đồng đã ký"))
                let copy = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": code, "phone": Self.phone])
                #expect(copy.status == 200)
                #expect(copy.header("Content-Disposition")?.hasPrefix("attachment;") == true)
            }
        }
    }
}
