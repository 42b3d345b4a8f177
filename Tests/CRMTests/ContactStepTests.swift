import Contracts
import Foundation
import TestSupport
import Testing

/// The follow-up call: staff record that they reached the customer on a ticket of every kind
/// (a connection, a service request, a contract amendment), by the API and on the ticket page,
/// and the call joins the ticket's timeline, each call a step of its own.
@Suite struct ContactStepTests {
    enum Kind: String, CaseIterable, Sendable {
        case newConnection, serviceRequest, contractAmendment
    }

    /// Opens a ticket of `kind` at PC05TK and gives its id, and its request code when it has one.
    private func open(_ kind: Kind, on crm: CRMHarness) async throws -> (ticketId: String, requestCode: String?) {
        switch kind {
        case .newConnection:
            let code = "PC05TK-250908-000001"
            _ = try await ContractFlowTests.openTicket(crm, code)
            return ("CRM-\(code)", code)
        case .serviceRequest:
            let code = "PC05TK-250908-000002"
            try await crm.publish(ServiceRequestSubmitted(
                requestCode: code, requestKind: .contractRenewal, channel: .web, customerCode: "PC05TK0000001",
                branch: Samples.branch,
                requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678",
                                     email: nil),
                details: ServiceRequestDetails(),
                consentGivenAt: vietnamTime("2025-09-08 08:00"), submittedAt: vietnamTime("2025-09-08 08:00")),
                correlationId: code)
            try await eventually("the service ticket is open") { try await crm.count("crm_service_tickets") == 1 }
            return ("CRM-\(code)", code)
        case .contractAmendment:
            try await crm.publish(Samples.countChanged("HC-000001", at: vietnamTime("2025-09-08 08:00")),
                                  correlationId: "HS-PC05TK-000001")
            try await eventually("the amendment is open") { try await crm.count("crm_amendments") == 1 }
            return ("CRM-AM-PC05TK-000001", nil)
        }
    }

    @Test(arguments: Kind.allCases)
    func theCallIsRecordedOnEveryKindOfTicket(kind: Kind) async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let (ticketId, requestCode) = try await open(kind, on: crm)
            let token = try await crm.token(unit: "PC05TK", staffId: "tk-cs-01")
            let cookie = ["Cookie": "staff_token=\(token)"]

            let page = String(decoding: try await crm.call("GET", "phieu/\(ticketId)", headers: cookie).body, as: UTF8.self)
            #expect(PageElement(id: "record-contact", in: page) != nil, "the ticket page offers the call form")

            let posted = try await crm.call(
                "POST", "phieu/\(ticketId)/contact", body: Data("note=H%E1%BA%B9n+s%C3%A1ng+mai".utf8),
                headers: cookie.merging(["Content-Type": "application/x-www-form-urlencoded"]) { $1 })
            #expect(posted.status == 200, "the form's 303 leads back to the ticket page")
            #expect(try await crm.count("crm_contacts") == 1)
            // A second call in the same second (the clock stands still): a step of its own.
            _ = try await crm.post("api/v1/tickets/\(ticketId)/contact", ["note": "Gọi lại"], token: token).expect(200)

            let detail = try await crm.get("api/v1/tickets/\(ticketId)", token: token).expect(200)
            let labels = (detail["timeline"] as? [[String: Any]] ?? []).compactMap {
                ($0["label"] as? [String: Any])?["en"] as? String
            }
            #expect(labels.last == "Staff contacted the customer")
            #expect(labels.filter { $0 == "Staff contacted the customer" }.count == 2)
            if let requestCode {
                let event = try #require(try await crm.awaitSent(ContactRecorded.routingKey).first)
                #expect(event["requestCode"] as? String == requestCode)
                #expect(event["staffId"] as? String == "tk-cs-01")
            }
            let other = try await crm.token(unit: "PC05HA")
            #expect(try await crm.post("api/v1/tickets/\(ticketId)/contact", token: other).status == 403)
            #expect(try await crm.count("crm_contacts") == 2)
        }
    }
}
