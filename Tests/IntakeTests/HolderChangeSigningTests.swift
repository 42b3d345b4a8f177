import Contracts
import Foundation
import ServiceKit
import TestSupport
import Testing

/// A contract passing to a new holder is signed again: crm drafts it under the change of
/// holder's request, naming the new holder's phone. Intake opens a second session for the same
/// contract; the code goes to the new holder, who alone reads, re-codes and signs it.
@Suite struct HolderChangeSigningTests {
    static let leavingPhone = "0912 345 678"
    static let newHolderPhone = "0987 654 321"

    /// A connection's contract signed by its applicant, then a change of holder filed by that
    /// applicant for the same contract; the change of holder's code.
    static func signedContractPassingOn(_ intake: IntakeHarness) async throws -> String {
        let connection = try await intake.submitSample()
        try await intake.announceContractDrafted(for: connection)
        let first = try await intake.signingCode(number: 1)
        let signed = try await intake.sign(connection, phone: leavingPhone, signingCode: first.signingCode)
        guard signed.status == 200 else { throw FixtureError("the connection's contract was not signed: \(signed.text)") }
        let filed = try await intake.post("api/v1/service-requests",
                                          HolderChangeFilingTests.form(newHolderPhone: newHolderPhone))
        guard filed.status == 201, let change = try filed.json()["requestCode"] as? String else {
            throw FixtureError("the change of holder was refused: \(filed.status) \(filed.text)")
        }
        return change
    }

    @Test func theContractDraftedAgainSendsItsCodeToTheNewHolderInASecondSession() async throws {
        try await IntakeHarness.run { intake in
            let change = try await Self.signedContractPassingOn(intake)

            try await intake.announceContractDrafted(for: change, holderName: "Trần Văn Bình",
                                                     signerPhone: "+84987654321")
            let sent = try await intake.signingCode(number: 2)

            #expect(sent.requestCode == change)
            #expect(sent.contractNumber == "HĐ-TK-2025-000123")
            #expect(sent.phone == "+84987654321", "the code goes to the new holder, not the one leaving")
            #expect(try await intake.count("intake_signing_sessions") == 2)
            let again = try await intake.announceContractDrafted(for: change, holderName: "Trần Văn Bình",
                                                                 signerPhone: "+84987654321")
            try await intake.awaitHandled([again])
            #expect(try await intake.sentSigningCodes().count == 2, "a redelivered draft sends no second code")

            let page = try await intake.submitPage("ky-hop-dong/xem", ["code": change, "phone": Self.newHolderPhone])
            #expect(page.status == 200)
            #expect(page.text.contains(#"id="buyer">Trần Văn Bình<"#), "the new holder reads the contract as its party")

            let signed = try await intake.sign(change, phone: Self.newHolderPhone, signingCode: sent.signingCode)
            #expect(signed.status == 200)
            #expect(try signed.json()["requestCode"] as? String == change)
            try await eventually("the new holder's signature is on the wire") {
                try await intake.sent(SignatureCaptured.self).contains { $0.requestCode == change }
            }
            let captured = try #require(try await intake.sent(SignatureCaptured.self).first { $0.requestCode == change })
            #expect(captured.contractNumber == "HĐ-TK-2025-000123")
        }
    }

    @Test func theNewHolderTakesTheCopyTheySignedAndTheOneLeavingDoesNot() async throws {
        try await IntakeHarness.run { intake in
            let change = try await Self.signedContractPassingOn(intake)
            try await intake.announceContractDrafted(for: change, holderName: "Trần Văn Bình", holderIdMasked: "079*******45",
                                                     signerPhone: "+84987654321")
            let sent = try await intake.signingCode(number: 2)
            let signed = try await intake.sign(change, phone: Self.newHolderPhone, signingCode: sent.signingCode)
            #expect(signed.status == 200)
            let hash = try #require(try signed.json()["signedCopySHA256"] as? String)

            let copy = try await intake.post("api/v1/requests/\(change)/signed-copy", ["phone": Self.newHolderPhone])

            #expect(copy.status == 200)
            #expect(copy.header("Content-Disposition") == "attachment; filename=\"hop-dong-\(change).html\"")
            #expect(SignedDocument.sha256(of: copy.body) == hash, "the bytes whose hash the receipt named")
            #expect(copy.header("Repr-Digest") == "sha-256=:\(Data(Self.bytes(ofHex: hash)).base64EncodedString()):")
            let document = String(decoding: copy.body, as: UTF8.self)
            #expect(document.contains("<dt>Bên mua điện</dt><dd>Trần Văn Bình</dd>"), "the new holder is the buyer")
            #expect(document.contains("<dt>Số CCCD của bên mua điện</dt><dd>079*******45</dd>"))
            #expect(!document.contains("Nguyễn Văn An"), "the one leaving is no party to it")
            let fromPortal = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": change, "phone": Self.newHolderPhone])
            #expect(fromPortal.body == copy.body, "the portal and the API give the same copy")

            let leaving = try await intake.post("api/v1/requests/\(change)/signed-copy", ["phone": Self.leavingPhone])
            #expect(leaving.status == 404)
            #expect(!leaving.text.contains("Trần Văn Bình"))
            let leavingPage = try await intake.submitPage("ky-hop-dong/ban-da-ky", ["code": change, "phone": Self.leavingPhone])
            #expect(leavingPage.status == 404)
            #expect(leavingPage.header("Content-Disposition") == nil)
        }
    }

    private static func bytes(ofHex hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
    }

    @Test func theOneLeavingNeitherReadsNorRecodesNorSignsTheNewHoldersContract() async throws {
        try await IntakeHarness.run { intake in
            let change = try await Self.signedContractPassingOn(intake)
            try await intake.announceContractDrafted(for: change, holderName: "Trần Văn Bình",
                                                     signerPhone: "+84987654321")
            let sent = try await intake.signingCode(number: 2)

            let signed = try await intake.sign(change, phone: Self.leavingPhone, signingCode: sent.signingCode)
            #expect(signed.status == 404)
            let recode = try await intake.requestSigningCode(change, phone: Self.leavingPhone)
            #expect(recode.status == 404)
            let page = try await intake.submitPage("ky-hop-dong/xem", ["code": change, "phone": Self.leavingPhone])
            #expect(page.status == 404)
            #expect(!page.text.contains("Trần Văn Bình"))

            let reissued = try await intake.requestSigningCode(change, phone: Self.newHolderPhone)
            #expect(reissued.status == 202)
            let second = try await intake.signingCode(number: 3)
            #expect(second.phone == "+84987654321", "a new code goes to the new holder too")
            #expect(try await intake.sign(change, phone: Self.newHolderPhone, signingCode: second.signingCode).status == 200)
        }
    }
}
