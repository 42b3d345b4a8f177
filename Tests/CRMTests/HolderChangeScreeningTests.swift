@testable import CRM
import Contracts
import Foundation
import TestSupport
import Testing

/// A change of holder screens the new holder as a new connection's applicant is: households
/// is asked about the new holder's ID number alone; a clear answer leaves the request to the
/// branch's decision, a conflict refuses it with a reason and closes the ticket.
@Suite struct HolderChangeScreeningTests {
    static let request = "PC05TK-250911-000021"
    static let newHolder = Person(fullName: "Trần Văn Bình", idNumber: "049090004567")

    static func file(_ crm: CRMHarness) async throws {
        let open = try await crm.count("crm_service_tickets")
        try await crm.publish(ServiceRequestSubmitted(
            requestCode: request, requestKind: .changeOfHolder, channel: .web, customerCode: "PC05TK0000001",
            branch: Samples.branch,
            requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
            details: ServiceRequestDetails(newHolder: newHolder, newHolderContact: CustomerContact(phone: "+84987654321")),
            consentGivenAt: vietnamTime("2025-09-11 08:30"), submittedAt: vietnamTime("2025-09-11 08:30")),
            correlationId: request)
        try await eventually("the request is open") { try await crm.count("crm_service_tickets") == open + 1 }
    }

    /// Files the change of holder on 11 September, clears its new holder and has the branch head
    /// approve it: it then waits for the new holder's signature. The approval's answer.
    @discardableResult
    static func fileClearAndApprove(_ crm: CRMHarness) async throws -> [String: Any] {
        crm.clock.set(vietnamTime("2025-09-11 09:00"))
        try await file(crm)
        try await crm.publish(Samples.clear(request, at: vietnamTime("2025-09-11 09:05"), kind: .changeOfHolder),
                              correlationId: request)
        try await eventually("it waits for a decision") { try await crm.ticket(request)["stage"] as? String == "review" }
        let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
        return try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"], token: head)
            .expect(200)
    }

    @Test func theNewHolderIsScreenedAndAClearAnswerWaitsForTheBranch() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-11 09:00")) { crm in
            try await Self.file(crm)
            try await eventually("households is asked") { try await !crm.sent(ScreenIdentities.self).isEmpty }
            let screen = try #require(try await crm.sent(ScreenIdentities.self).first)
            #expect(screen.requestCode == Self.request)
            #expect(screen.requestKind == .changeOfHolder)
            #expect(screen.idNumbers == [Self.newHolder.idNumber], "the new holder, not the one leaving")
            let screening = try await crm.ticket(Self.request)
            #expect(screening["stage"] as? String == "screening")
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let early = try await crm.post("api/v1/tickets/CRM-\(Self.request)/decision", ["decision": "approve"],
                                           token: head)
            #expect(early.status == 409, "no decision before households answers")

            try await crm.publish(Samples.clear(Self.request, at: vietnamTime("2025-09-11 09:05"), kind: .changeOfHolder),
                                  correlationId: Self.request)
            try await eventually("it waits for a decision") {
                try await crm.ticket(Self.request)["stage"] as? String == "review"
            }
            #expect(try await crm.sent(RequestRefused.self).isEmpty)
        }
    }

    @Test func aNewHolderWhoHoldsAnotherHouseholdIsRefusedWithAReason() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-11 09:00")) { crm in
            try await Self.file(crm)
            try await crm.publish(ScreeningCompleted(
                requestCode: Self.request, requestKind: .changeOfHolder, outcome: .conflict,
                conflicts: [ScreeningConflict(maskedIdNumber: "049*******67", unit: "PC05HA", customerCode: "PC05HA0000042")],
                screenedAt: vietnamTime("2025-09-11 09:05")), correlationId: Self.request)
            try await eventually("the request is refused") { try await !crm.sent(RequestRefused.self).isEmpty }
            let refused = try #require(try await crm.sent(RequestRefused.self).first)
            #expect(refused.ground == .screeningConflict)
            #expect(refused.requestKind == .changeOfHolder)
            #expect(refused.reason == "Chủ hợp đồng mới đã đứng tên hồ sơ sử dụng điện của một hộ khác (đơn vị PC05HA)")
            #expect(!refused.reason.contains("PC05HA0000042"), "another customer's code is not told")
            let ticket = try await crm.ticket(Self.request)
            #expect((ticket["closure"] as? [String: Any])?["resolution"] as? String == "refused")
            #expect((ticket["screening"] as? [String: Any])?["outcome"] as? String == "conflict")
        }
    }
}
