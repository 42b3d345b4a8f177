import FlowDriver
import Foundation
import TestSupport
import Testing

/// A customer whose connection drops as they send a service request sends it again with the
/// same `Idempotency-Key`: they get the same request code and the branch one ticket; the key
/// sent again with another request is refused (409 `idempotency_key.reused`) and files nothing.
@Suite(.serialized) struct RepeatedServiceRequestFlowTests {
    @Test func theSameKeyFilesOneRequestAndOneTicketAndAnotherBodyIsRefused() async throws {
        try await Platform.run("service-request-idempotency", services: ["intake", "crm"]) { platform in
            let customer = SampleCustomer.make(households: 1)
            let customerCode = "PC05TK0\(Int.random(in: 100_000...999_999))"
            let url = "\(platform.url("intake"))/api/v1/service-requests"
            let key = ["Idempotency-Key": "renewal-\(UUID().uuidString)"]
            let form = try JSONSerialization.data(withJSONObject: ServiceRequestJourney.form(
                "contract_renewal", customerCode: customerCode, by: customer))

            let first = try await platform.http.call(.POST, url, body: form, headers: key).expect(201)
            let again = try await platform.http.call(.POST, url, body: form, headers: key).expect(201)
            let code = try #require(first["requestCode"] as? String)
            #expect(again["requestCode"] as? String == code, "the repeat answers the first receipt")

            let other = try JSONSerialization.data(withJSONObject: ServiceRequestJourney.form(
                "contract_termination", customerCode: customerCode, by: customer))
            let reused = try await platform.http.call(.POST, url, body: other, headers: key)
            #expect(reused.status == 409)
            #expect(try reused.errorCodes() == ["idempotency_key.reused"])

            // Once every message is handled, the branch has the one ticket of the first request.
            let desk = try await platform.staff.token(.customerService, unit: "PC05TK")
            try await eventually("crm opened the request's ticket") {
                try await Self.tickets(of: customerCode, platform: platform, token: desk).count == 1
            }
            try await platform.awaitSettled()
            let tickets = try await Self.tickets(of: customerCode, platform: platform, token: desk)
            #expect(tickets.map { $0["requestCode"] as? String } == [code])
            #expect(tickets.first?["requestKind"] as? String == "contract_renewal")
        }
    }

    /// The tickets of `customerCode` in the branch's list.
    static func tickets(of customerCode: String, platform: Platform, token: String) async throws -> [[String: Any]] {
        let list = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: token).expect(200)
        return (list["tickets"] as? [[String: Any]] ?? []).filter { $0["customerCode"] as? String == customerCode }
    }
}
