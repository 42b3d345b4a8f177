import CRM
import Contracts
import Foundation
import Messaging
import ServiceKit
import TestSupport
import Testing

/// The copy of what the customer signed, as intake fixed it in `intake.signature.captured`:
/// crm keeps it sealed with the contract version the signature made, shows its SHA-256 on the
/// ticket page and opens it for the ticket's branch only; a document that does not match its
/// hash is refused and signs nothing.
@Suite struct SignedCopyTests {
    static let code = "PC05TK-250908-000001"
    static let signedAt = vietnamTime("2025-09-10 16:00")

    /// A document as intake renders it: the buyer, the supply point and the tariff group (an
    /// address of its own, so that only the copy could leave it in the store).
    static func document(_ number: String) -> SignedDocument {
        SignedDocument(mediaType: "text/html; charset=utf-8", signing: """
            <!DOCTYPE html><html lang="vi"><body><h1>Hợp đồng mua bán điện số \(number)</h1>
            <dl><dt>Bên mua điện</dt><dd>Nguyễn Văn An</dd><dt>Địa điểm sử dụng điện</dt><dd>7 Trần Cao Vân, khối phố 2</dd>
            <dt>Nhóm giá</dt><dd>Giá bán lẻ điện sinh hoạt (bậc thang)</dd></dl></body></html>
            """)
    }

    /// The request's contract, drafted and waiting for its signature; its number.
    static func draftedContract(_ crm: CRMHarness) async throws -> String {
        _ = try await ContractFlowTests.openTicket(crm, code)
        try await crm.publish(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
        try await crm.publish(Samples.installed(code, at: vietnamTime("2025-09-09 09:30")), correlationId: code)
        return try #require(try await crm.awaitSent(ContractDrafted.routingKey).first?["contractNumber"] as? String)
    }

    @Test func theCopyIsKeptSealedWithTheVersionItMadeAndOpensForTheTicketsBranchOnly() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-10 16:05")) { crm in
            let number = try await Self.draftedContract(crm)
            let document = Self.document(number)

            try await crm.publish(SignatureCaptured(requestCode: Self.code, contractNumber: number, method: .smsOneTimeCode,
                                                    signedAt: Self.signedAt, document: document), correlationId: Self.code)
            try await crm.awaitSent(TicketClosed.routingKey)

            let officer = try await crm.token(unit: "PC05TK")
            let page = try await crm.call("GET", "phieu/CRM-\(Self.code)", headers: ["Cookie": "staff_token=\(officer)"])
            #expect(page.status == 200)
            #expect(PageElement(id: "signed-copy-sha256", in: page.text)?.inner == document.sha256)
            let shown = try #require(PageElement(id: "signed-copy", in: page.text)?.inner)
            #expect(shown.contains("phiên bản 1"), "the version the signature made: \(shown)")
            #expect(shown.contains("10/09/2025 16:00"))
            #expect(page.text.contains(#"href="/phieu/CRM-\#(Self.code)/hop-dong-da-ky""#))

            let copy = try await crm.call("GET", "phieu/CRM-\(Self.code)/hop-dong-da-ky",
                                          headers: ["Cookie": "staff_token=\(officer)"])
            #expect(copy.status == 200)
            #expect(copy.body == Data(document.text.utf8), "the bytes signed, as intake sent them")
            #expect(SignedDocument.sha256(of: copy.body) == document.sha256)
            #expect(copy.header("Content-Disposition") == "attachment; filename=\"hop-dong-\(Self.code).html\"")

            let stranger = try await crm.token(unit: "PC05HA")
            let elsewhere = try await crm.call("GET", "phieu/CRM-\(Self.code)/hop-dong-da-ky",
                                               headers: ["Cookie": "staff_token=\(stranger)"])
            #expect(elsewhere.status == 403)
            #expect(!elsewhere.text.contains("Trần Cao Vân"))

            let plain = try StoreFileScan.plainTexts(["7 Trần Cao Vân, khối phố 2", "Giá bán lẻ điện sinh hoạt (bậc thang)"],
                                                     in: crm.host.context.store.database)
            #expect(plain.isEmpty, "the copy is sealed at rest: \(plain)")
            let reseal = try await StoreResealer(database: crm.host.context.store.database,
                                                 personalData: crm.host.context.personalData,
                                                 tables: CRMService.personalDataTables).run()
            #expect(reseal.unreadable.values.allSatisfy { $0 == 0 }, "\(reseal.unreadable)")
        }
    }

    @Test func aSignatureWhoseDocumentDoesNotMatchItsHashIsDeadLetteredAndSignsNothing() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-10 16:05")) { crm in
            let number = try await Self.draftedContract(crm)
            var tampered = Self.document(number)
            tampered.text = tampered.text.replacingOccurrences(of: "sinh hoạt (bậc thang)", with: "cho kinh doanh")

            try await crm.publish(SignatureCaptured(requestCode: Self.code, contractNumber: number, method: .smsOneTimeCode,
                                                    signedAt: Self.signedAt, document: tampered), correlationId: Self.code)
            try await eventually("the signature reached crm.dead") { try await crm.broker.queueDepth("crm.dead") == 1 }

            let letter = try #require(try await crm.broker.peek("crm.dead", count: 1).first)
            let headers = (letter["properties"] as? [String: Any])?["headers"] as? [String: Any]
            #expect(headers?[Header.deadReason] as? String
                    == "the signed document of request \(Self.code) does not match its SHA-256")
            #expect(headers?[Header.deadAttempts] as? Int == 1, "refused at once, not retried")
            #expect(try await crm.count("crm_signed_copies") == 0)
            let ticket = try await crm.ticket(Self.code)
            #expect(ticket["status"] as? String == "open")
            #expect((ticket["contract"] as? [String: Any])?["status"] as? String == "drafted")

            // The genuine document signs.
            try await crm.publish(SignatureCaptured(requestCode: Self.code, contractNumber: number, method: .smsOneTimeCode,
                                                    signedAt: Self.signedAt, document: Self.document(number)),
                                  correlationId: Self.code)
            try await crm.awaitSent(TicketClosed.routingKey)
            #expect(try await crm.count("crm_signed_copies") == 1)
        }
    }

    @Test func theNewHoldersCopyIsKeptWithTheVersionThatPassedTheContractOn() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let number = try await ContractFlowTests.signedContract(crm, Self.code)
            let request = HolderChangeScreeningTests.request
            try await HolderChangeScreeningTests.fileClearAndApprove(crm)
            let document = Self.document(number)

            crm.clock.set(vietnamTime("2025-09-13 08:40"))
            try await crm.publish(SignatureCaptured(requestCode: request, contractNumber: number, method: .smsOneTimeCode,
                                                    signedAt: vietnamTime("2025-09-13 08:30"), document: document),
                                  correlationId: request)
            try await eventually("the new holder's signature closes the ticket") { try await crm.ticket(request)["closure"] != nil }
            let officer = try await crm.token(unit: "PC05TK")

            let page = try await crm.call("GET", "phieu/CRM-\(request)", headers: ["Cookie": "staff_token=\(officer)"])
            #expect(PageElement(id: "signed-copy-sha256", in: page.text)?.inner == document.sha256)
            #expect(PageElement(id: "signed-copy", in: page.text)?.inner.contains("phiên bản 2") == true,
                    "the copy names the version that passed the contract to the new holder")
            let copy = try await crm.call("GET", "phieu/CRM-\(request)/hop-dong-da-ky",
                                          headers: ["Cookie": "staff_token=\(officer)"])
            #expect(copy.body == Data(document.text.utf8))
            let connectionCopy = try await crm.call("GET", "phieu/CRM-\(Self.code)/hop-dong-da-ky",
                                                    headers: ["Cookie": "staff_token=\(officer)"])
            #expect(connectionCopy.status == 409, "the connection was signed without a copy, before copies were kept")
        }
    }
}
