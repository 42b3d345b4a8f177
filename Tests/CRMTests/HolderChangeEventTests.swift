@testable import CRM
import Contracts
import Foundation
import TestSupport
import Testing

/// A contract passing to its new holder is announced (`crm.contract.holder-changed`) with the
/// new holder's contact and the supply point's commune, for notification and outage; the one
/// leaving is told it no longer stands in their name, from the day it passed.
@Suite struct HolderChangeEventTests {
    static let connection = "PC05TK-250908-000001"

    /// The held contract's connection signed, the change of holder filed with `contact` and
    /// screened clear, then approved by the branch head on 12/09/2025.
    static func approvedChange(contact: CustomerContact?, on crm: CRMHarness) async throws -> (number: String, approval: [String: Any]) {
        let number = try await ContractFlowTests.signedContract(crm, connection)
        crm.clock.set(vietnamTime("2025-09-11 09:00"))
        let request = HolderChangeScreeningTests.request
        try await crm.publish(ServiceRequestSubmitted(
            requestCode: request, requestKind: .changeOfHolder, channel: .web, customerCode: "PC05TK0000001",
            branch: Samples.branch,
            requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
            details: ServiceRequestDetails(newHolder: HolderChangeScreeningTests.newHolder, newHolderContact: contact),
            consentGivenAt: vietnamTime("2025-09-11 08:30"), submittedAt: vietnamTime("2025-09-11 08:30")),
            correlationId: request)
        try await eventually("the request is open") { try await crm.count("crm_service_tickets") == 1 }
        try await crm.publish(Samples.clear(request, at: vietnamTime("2025-09-11 09:05"), kind: .changeOfHolder),
                              correlationId: request)
        try await eventually("it waits for a decision") { try await crm.ticket(request)["stage"] as? String == "review" }
        crm.clock.set(vietnamTime("2025-09-12 10:00"))
        let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
        let approval = try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"], token: head)
            .expect(200)
        return (number, approval)
    }

    @Test func theNewHoldersSignatureAnnouncesTheChangeWithTheirContact() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let contact = CustomerContact(phone: "+84987654321", email: "binh@example.vn")
            let number = try await Self.approvedChange(contact: contact, on: crm).number
            let request = HolderChangeScreeningTests.request
            let beforeSigning = try await crm.sent(ContractHolderChanged.self)
            #expect(beforeSigning.isEmpty, "nothing passes before the signature")

            crm.clock.set(vietnamTime("2025-09-13 08:40"))
            try await crm.publish(Samples.signed(request, contractNumber: number, at: vietnamTime("2025-09-13 08:30")),
                                  correlationId: request)
            try await eventually("the change is announced") { try await !crm.sent(ContractHolderChanged.self).isEmpty }
            let change = try #require(try await crm.sent(ContractHolderChanged.self).first)
            #expect(change.contractNumber == number)
            #expect(change.requestCode == request)
            #expect(change.customerCode == "PC05TK0000001")
            #expect(change.effectiveOn.description == "2025-09-13")
            #expect(change.communeCode == "20350", "the connection's commune, where outage finds the supply point")
            #expect(change.holderContact == contact)

            let done = try #require(try await crm.awaitSent(RequestProgressed.routingKey, count: 2).last)
            #expect(done["requestCode"] as? String == request)
            #expect(done["stage"] as? String == "completed")
            let summary = done["summary"] as? [String: String]
            let leftTheirName = "Hợp đồng mã khách hàng PC05TK0000001 đã chuyển cho chủ hợp đồng mới từ ngày 13/09/2025; "
                + "hợp đồng không còn đứng tên Quý khách"
            let leftTheirNameEn = "The contract of customer PC05TK0000001 passed to its new holder on 13/09/2025; "
                + "it is no longer in your name"
            #expect(summary?["vi"] == leftTheirName)
            #expect(summary?["en"] == leftTheirNameEn)
        }
    }

    @Test func anApprovalWithoutTheNewHoldersPhoneAnnouncesTheChangeWithNoContact() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            let (number, approval) = try await Self.approvedChange(contact: nil, on: crm)
            #expect((approval["closure"] as? [String: Any])?["resolution"] as? String == "completed",
                    "nobody can sign by phone, so the approval passes the contract on")
            try await eventually("the change is announced") { try await !crm.sent(ContractHolderChanged.self).isEmpty }
            let change = try #require(try await crm.sent(ContractHolderChanged.self).first)
            #expect(change.contractNumber == number)
            #expect(change.effectiveOn.description == "2025-09-12")
            #expect(change.holderContact == nil, "outage texts the one leaving no more")
        }
    }
}
