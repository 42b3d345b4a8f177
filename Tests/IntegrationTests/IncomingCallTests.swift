import FlowDriver
import Foundation
import ServiceKit
import StaffAuth
import TestSupport
import Testing

/// The PBX's ringing-call webhook reaching the console of the agent's extension, over intake's
/// event stream, with intake running as a real process.
@Suite(.serialized) struct IncomingCallTests {
    static let secret = "telephony-secret-of-this-test-run-0123456789"
    static let signature = WebhookSignature(secret: secret)

    /// Posts a ringing call, signed with `signature`.
    static func ring(_ call: [String: String], signedWith signature: WebhookSignature = signature,
                     on platform: Platform) async throws -> HTTPAnswer {
        let body = try JSONSerialization.data(withJSONObject: call)
        return try await platform.http.call(.POST, "\(platform.url("intake"))/api/webhooks/telephony/calls", body: body,
                                             headers: ["X-Signature": "sha256=" + signature.sign(body)])
    }

    @Test func aRingingCallReachesTheConsoleOfItsExtensionOnly() async throws {
        try await Platform.run("incoming-call", services: ["intake"], settings: ["TELEPHONY_WEBHOOK_SECRET": Self.secret]) { platform in
            let operatorToken = try await platform.staff.token(.callCentre, unit: "CORP")
            let cookie = ["Cookie": "staff_token=\(operatorToken)"]
            let events = "\(platform.url("intake"))/tong-dai/su-kien"

            let anonymous = try await EventStream.open("\(events)?extension=2101")
            #expect(anonymous.status == 401)
            let agent = try await EventStream.open("\(events)?extension=2101", headers: cookie)
            let neighbour = try await EventStream.open("\(events)?extension=2102", headers: cookie)
            #expect(agent.status == 200 && neighbour.status == 200)

            let forged = try await Self.ring(["callId": "c-0", "caller": "0905123456", "extension": "2101"],
                                             signedWith: WebhookSignature(secret: "dev-only-telephony-webhook-secret"),
                                             on: platform)
            #expect(forged.status == 401)

            let told = try await Self.ring(["callId": "c-1", "caller": "0905123456", "called": "19001909", "extension": "2101"],
                                           on: platform).expect(202)
            #expect(told["consoles"] as? Int == 1)
            let call = try await agent.next()
            #expect(call.name == "call")
            let ringing = try #require(try JSONSerialization.jsonObject(with: Data(call.data.utf8)) as? [String: Any])
            #expect(ringing["callId"] as? String == "c-1", "the forged call came first: \(call.data)")
            #expect(ringing["caller"] as? String == "0905123456")
            let page = try #require(ringing["page"] as? String)
            #expect(page.hasPrefix("/tong-dai?phone=%2B84905123456"), "\(page)")

            // The console's page of the caller, as the script opens it.
            let opened = try await platform.http.call(.GET, "\(platform.url("intake"))\(page)", headers: cookie)
            #expect(opened.status == 200)
            #expect(opened.text.contains("id=\"caller-requests\"") || opened.text.contains("id=\"no-requests\""))
            #expect(opened.text.contains("/tong-dai/bao-mat-dien?phone=%2B84905123456"), "\(opened.text)")
            #expect(opened.text.contains("/tong-dai/dich-vu/change_of_holder?requester.phone=%2B84905123456"), "\(opened.text)")
            #expect(opened.text.contains("/tong-dai/cap-dien-moi?applicant.phone=%2B84905123456"), "\(opened.text)")
            let connection = try await platform.http.call(
                .GET, "\(platform.url("intake"))/tong-dai/cap-dien-moi?applicant.phone=%2B84905123456", headers: cookie)
            #expect(connection.text.contains("value=\"+84905123456\""), "the connection form is filled with the caller's phone")

            // The operator files the caller's outage report from the console; the caller's page lists it.
            let filed = try await platform.http.call(
                .POST, "\(platform.url("intake"))/tong-dai/bao-mat-dien",
                body: Data("customerCode=PC05TK0012345&phone=%2B84905123456&consent=true".utf8), headers: cookie)
            #expect(filed.status == 202 && filed.text.contains("id=\"report-code\""), "\(filed.status) \(filed.text)")
            let reopened = try await platform.http.call(.GET, "\(platform.url("intake"))\(page)", headers: cookie)
            let reports = try #require(PageElement(id: "caller-reports", in: reopened.text), "\(reopened.text)")
            #expect(reports.inner.contains("PC05TK0012345") && reports.inner.contains("Tổng đài 1900 1909"), "\(reports.inner)")

            // The neighbour's first event is its own call: the first one never reached it.
            _ = try await Self.ring(["callId": "c-2", "caller": "02353852999", "extension": "2102"], on: platform).expect(202)
            let neighbours = try await neighbour.next()
            #expect(neighbours.data.contains("\"callId\":\"c-2\""), "\(neighbours.data)")

            let bad = try await Self.ring(["callId": "c-3", "caller": "not a number", "extension": "x"], on: platform)
            #expect(bad.status == 422)
            #expect(try bad.errorFields() == ["caller", "extension"])
            agent.close()
            neighbour.close()
        }
    }
}
