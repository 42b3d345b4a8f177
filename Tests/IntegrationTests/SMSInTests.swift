import FlowDriver
import Foundation
import ServiceKit
import StaffAuth
import TestSupport
import Testing

/// Customers texting the short code, across intake, crm, outage and notification running as
/// real processes: the gateway's signed callback goes in, the answer is read from the SMS
/// gateway stand-in.
@Suite(.serialized) struct SMSInTests {
    static let services = ["intake", "crm", "outage", "notification"]
    static let secret = "sms-gateway-secret-of-this-test-run-0123456789"
    static let signature = WebhookSignature(secret: secret)

    /// Posts one MO callback from `sender` (local form), signed unless `signedWith` says otherwise.
    static func text(
        _ text: String, from sender: String, id: String = UUID().uuidString, signedWith signature: WebhookSignature = signature,
        on platform: Platform
    ) async throws -> HTTPAnswer {
        let body = try JSONSerialization.data(withJSONObject: [
            "messageId": id, "sender": "84" + sender.dropFirst(), "shortCode": "8088", "text": text,
            "receivedAt": "2026-12-03T08:15:00+07:00",
        ])
        return try await platform.http.call(.POST, "\(platform.url("intake"))/api/webhooks/sms", body: body,
                                             headers: ["X-Signature": "sha256=" + signature.sign(body)])
    }

    /// The SMS the gateway stand-in got for `phone` (local form), once one contains `marker`.
    static func answer(to phone: String, containing marker: String, on platform: Platform) async throws -> String {
        let gateway = "84" + phone.dropFirst()
        try await eventually("\(phone) got an answer containing \(marker)") {
            await platform.sms.messages().contains { $0.phone == gateway && $0.content.contains(marker) }
        }
        return try #require(await platform.sms.messages().first { $0.phone == gateway && $0.content.contains(marker) }).content
    }

    @Test func eachSyntaxIsAnsweredBySMSAndOnlyTheRequestsPhoneReadsIt() async throws {
        try await Platform.run("sms-in", services: Self.services, settings: ["SMS_INBOUND_SECRET": Self.secret]) { platform in
            let customer = SampleCustomer.make()
            let receipt = try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests",
                                                       json: customer.requestForm()).expect(201)
            let code = try #require(receipt["requestCode"] as? String)

            // Tracking, in lower case with stray spaces, from the request's phone.
            _ = try await Self.text("  evn   tc \(code.lowercased()) ", from: customer.phone, on: platform).expect(200)
            let status = try await Self.answer(to: customer.phone, containing: "Yeu cau \(code)", on: platform)
            #expect(status.contains("Dien luc Tam Ky"), "\(status)")
            #expect(status.unicodeScalars.allSatisfy { $0.isASCII }, "\(status)")

            // The same code from a stranger's phone: the answer of an unknown code.
            let stranger = OutageFlowTests.freshPhone().local
            _ = try await Self.text("EVN TC \(code)", from: stranger, on: platform).expect(200)
            let refused = try await Self.answer(to: stranger, containing: "Khong tim thay yeu cau", on: platform)
            #expect(!refused.contains("Tam Ky"), "\(refused)")

            // An outage report, filed like the portal's with channel sms.
            let reporter = OutageFlowTests.freshPhone().local
            _ = try await Self.text("EVN MD PC05TK0012345", from: reporter, on: platform).expect(200)
            let reported = try await Self.answer(to: reporter, containing: "da nhan bao mat dien", on: platform)
            let reportCode = try #require(reported.firstMatch(of: /PC05TK-\d{6}-\d{6}/)).output
            let dispatch = try await platform.staff.token(.dispatcher, unit: "PC05TK")
            try await eventually("outage filed the texted report with channel sms") {
                let answer = try await platform.http.call(.GET, "\(platform.url("outage"))/api/v1/incidents", token: dispatch)
                let incidents = try answer.expect(200)["incidents"] as? [[String: Any]] ?? []
                for id in incidents.compactMap({ $0["incidentId"] as? String }) {
                    let detail = try await platform.http.call(
                        .GET, "\(platform.url("outage"))/api/v1/incidents/\(id)", token: dispatch).expect(200)
                    let reports = detail["reports"] as? [[String: Any]] ?? []
                    if reports.contains(where: { $0["reportCode"] as? String == String(reportCode) && $0["channel"] as? String == "sms" }) {
                        return true
                    }
                }
                return false
            }

            // Anything else: the syntax.
            let lost = OutageFlowTests.freshPhone().local
            _ = try await Self.text("Xin chào, nhà tôi mất điện", from: lost, on: platform).expect(200)
            let help = try await Self.answer(to: lost, containing: "EVN TC <ma yeu cau>", on: platform)
            #expect(help.contains("EVN MD <ma khach hang>") && help.contains("gui 8088"), "\(help)")
        }
    }

    @Test func thePlannedOutagesOfASupplyAreTextedBack() async throws {
        try await Platform.run("sms-in-planned", services: ["intake", "outage", "notification"],
                               settings: ["SMS_INBOUND_SECRET": Self.secret]) { platform in
            let customer = "PC05TK\(Int.random(in: 1_000_000...9_999_999))"
            let phone = OutageFlowTests.freshPhone().local
            let corporation = try await platform.staff.token(.dispatcher, unit: StaffClaims.corporationUnit)
            _ = try await platform.http.call(.POST, "\(platform.url("outage"))/api/v1/supply-points",
                                             body: Data("customer_code,branch,commune_code,phone\r\n\(customer),PC05TK,20356,\(phone)\r\n".utf8),
                                             token: corporation).expect(200)
            let dispatch = try await platform.staff.token(.dispatcher, unit: "PC05TK")
            _ = try await platform.http.call(.POST, "\(platform.url("outage"))/api/v1/planned-outages", json: [
                "communeCodes": ["20356"], "location": "Phường An Mỹ, Tam Kỳ", "reason": "Thay máy biến áp TBA-AM1",
                "startsAt": OutageFlowTests.vietnamInstant(days: 6), "endsAt": OutageFlowTests.vietnamInstant(days: 6, hours: 5),
            ], token: dispatch).expect(201)

            _ = try await Self.text("EVN LICH \(customer)", from: phone, on: platform).expect(200)
            let schedule = try await Self.answer(to: phone, containing: "Lich tam ngung cap dien KH \(customer)", on: platform)
            #expect(schedule.contains("Phuong An My, Tam Ky"), "\(schedule)")

            let unknown = OutageFlowTests.freshPhone().local
            _ = try await Self.text("EVN LICH PC05TK0000404", from: unknown, on: platform).expect(200)
            _ = try await Self.answer(to: unknown, containing: "Ma khach hang PC05TK0000404 khong dung", on: platform)
        }
    }

    @Test func aBadSignatureFilesNothingAndARetriedCallbackIsAnsweredOnce() async throws {
        try await Platform.run("sms-in-signature", services: ["intake", "outage", "notification"],
                               settings: ["SMS_INBOUND_SECRET": Self.secret, "SMS_LIMIT_PER_PHONE": "2/1h"]) { platform in
            let forger = OutageFlowTests.freshPhone().local
            let forged = try await Self.text("EVN MD PC05TK0012345", from: forger,
                                             signedWith: WebhookSignature(secret: "dev-only-sms-gateway-webhook-secret"),
                                             on: platform)
            #expect(forged.status == 401)
            #expect(try forged.errorFields() == [""])
            let unsigned = try await platform.http.call(.POST, "\(platform.url("intake"))/api/webhooks/sms",
                                                        json: ["messageId": "x", "sender": forger, "text": "EVN MD PC05TK0012345"])
            #expect(unsigned.status == 401)

            let customer = OutageFlowTests.freshPhone().local
            let id = UUID().uuidString
            let first = try await Self.text("EVN MD PC05TK0012345", from: customer, id: id, on: platform).expect(200)
            #expect(first["outcome"] as? String == "answered")
            let again = try await Self.text("EVN MD PC05TK0012345", from: customer, id: id, on: platform).expect(200)
            #expect(again["outcome"] as? String == "repeated")
            let answer = try await Self.answer(to: customer, containing: "da nhan bao mat dien", on: platform)

            // A later message from the forger is answered, and is the only thing the forger got.
            _ = try await Self.text("EVN", from: forger, on: platform).expect(200)
            _ = try await Self.answer(to: forger, containing: "EVN TC <ma yeu cau>", on: platform)
            let messages = await platform.sms.messages()
            #expect(messages.filter { $0.phone == "84" + forger.dropFirst() }.count == 1)
            #expect(messages.filter { $0.content == answer }.count == 1, "the retried callback was answered again")

            // A phone texting more than its allowance is not answered beyond it.
            let chatty = OutageFlowTests.freshPhone().local
            var outcomes: [String] = []
            for _ in 0..<3 {
                outcomes.append(try await Self.text("EVN", from: chatty, on: platform).expect(200)["outcome"] as? String ?? "")
            }
            #expect(outcomes == ["answered", "answered", "limited"])
            try await eventually("the two answers arrived") {
                await platform.sms.messages().filter { $0.phone == "84" + chatty.dropFirst() }.count == 2
            }

            let bad = try await Self.text("EVN TC X", from: "12345", on: platform)
            #expect(bad.status == 422)
            #expect(try bad.errorFields() == ["sender"])
        }
    }
}
