@testable import CRM
import Contracts
import Foundation
import GRDB
import TestSupport
import Testing

/// The two tickets no connection request opens, with crm's handlers run in-process on its own
/// store and no broker: an e-mailed inquiry answered in its thread, closed and reopened by a
/// later mail, and a contract amendment opened by households' count change and recorded by staff.
@Suite struct InProcessInquiryAndAmendmentTests {
    static let inquiryCode = "PC05TK-250908-000101"

    @Test func anInquiryIsAnsweredInItsThreadClosedAndReopenedByALaterMailWithANewDueDate() async throws {
        let clock = ManualClock(vietnamTime("2025-09-08 10:00"))
        let crm = try InMemoryService<CRMService>(clock: clock.wallClock)
        let code = Self.inquiryCode
        let first = InquiryTicketTests.inquiry(code, at: vietnamTime("2025-09-08 09:30"), text: "Hoá đơn cao.",
                                               messageId: "thu-1@khachhang.example.vn")
        try await crm.deliver(first)
        try await crm.deliver(first, messageId: "intake-retry")

        var inquiry = try await crm.inquiry(code)
        #expect(inquiry.status == .open)
        #expect(inquiry.dueDate == "2025-09-11", "3 working days after a Monday's mail")
        #expect(inquiry.subject == "Hoa don thang 11")
        #expect(inquiry.conversation.map(\.text) == ["Hoá đơn cao."], "the same mail retried is filed once")

        try await crm.record(.answer(text: "Chỉ số công tơ đúng."), onInquiry: code)
        let reply = try #require(try await crm.sent(SendEmailReply.self).first)
        #expect(reply.email == InquiryTicketTests.sender)
        #expect(reply.subject == "Re: Hoa don thang 11")
        #expect(reply.inReplyTo == "thu-1@khachhang.example.vn")
        #expect(reply.references.isEmpty)
        #expect(reply.text.contains("Chỉ số công tơ đúng."))
        #expect(reply.text.contains("trả lời yêu cầu mã \(code)"))

        try await crm.record(.closeInquiry, onInquiry: code)
        let closed = try #require(try await crm.sent(TicketClosed.self).first)
        #expect(closed.resolution == .completed)
        #expect(closed.slaOutcome == .met)
        #expect(try await crm.inquiry(code).status == .closed)

        // The customer writes again in the thread on Wednesday: three working days from then.
        clock.set(vietnamTime("2025-09-10 08:00"))
        try await crm.deliver(InquiryTicketTests.inquiry(code, at: vietnamTime("2025-09-10 07:45"),
                                                         text: "Tôi vẫn thắc mắc.",
                                                         messageId: "thu-2@khachhang.example.vn", followUp: true))
        inquiry = try await crm.inquiry(code)
        #expect(inquiry.status == .open)
        #expect(inquiry.dueDate == "2025-09-15")
        #expect(inquiry.conversation.map(\.from) == ["customer", "officer", "customer"])

        try await crm.record(.answer(text: "Chúng tôi sẽ kiểm tra lại."), onInquiry: code)
        let second = try #require(try await crm.sent(SendEmailReply.self).last)
        #expect(second.inReplyTo == "thu-2@khachhang.example.vn")
        #expect(second.references == ["thu-1@khachhang.example.vn"])
        #expect(second.mailId != reply.mailId)
    }

    @Test func aCountChangeOpensOneAmendmentThatStaffRecordWithinItsDueDateOnTheContractCRMHolds() async throws {
        let clock = ManualClock(vietnamTime("2025-09-08 08:00"))
        let crm = try InMemoryService<CRMService>(clock: clock.wallClock)
        let number = try await crm.signedContract("PC05TK-250908-000001")

        // Thursday: a tenant group leaves, two households become one and three quarters.
        clock.set(vietnamTime("2025-09-11 09:05"))
        let change = Samples.countChanged("HC-000002", at: vietnamTime("2025-09-11 09:00"), contractNumber: number,
                                          previousQuarters: 8, newQuarters: 7)
        try await crm.deliver(change)
        try await crm.deliver(change)
        var amendment = try await crm.amendment()
        #expect(amendment.ticketId == "CRM-AM-PC05TK-000001", "one ticket however often the change arrives")
        #expect(amendment.dueDate == "2025-09-16")
        #expect(amendment.newCount == HouseholdQuarters(quarters: 7).shown)
        #expect(amendment.status == .open)

        // Recorded on Monday 15 Sep: Friday and Monday are 2 working days, within the 3.
        clock.set(vietnamTime("2025-09-15 14:00"))
        try await crm.record(.amendment(note: "Đã ký phụ lục hợp đồng"), onAmendment: amendment.ticketId)
        amendment = try await crm.amendment()
        #expect(amendment.status == .closed)
        #expect(amendment.slaState == .met)
        let closure = try #require(amendment.closure)
        #expect(closure.workingDaysTaken == 2)
        #expect(closure.slaOutcome == .met)
        #expect(closure.contractUpdated)
        #expect(closure.staffId == "tk-cs-021")
        #expect(amendment.contract?.households == HouseholdQuarters(quarters: 7).shown)
        #expect(amendment.contract?.householdCount == 1)
    }
}

extension InMemoryService<CRMService> {
    /// The inquiry of `requestCode` as the ticket desk shows it.
    func inquiry(_ requestCode: String) async throws -> InquiryDetail {
        let workflows = host.definition.workflows
        let detail = try await host.context.store.database.read { db in
            try InquiryStore.inquiry(requestCode: requestCode, in: db)
                .map { try TicketViews(workflows: workflows).detail($0, in: db) }
        }
        return try #require(detail)
    }

    /// The branch's one amendment ticket as the ticket desk shows it.
    func amendment() async throws -> AmendmentDetail {
        let workflows = host.definition.workflows
        let detail = try await host.context.store.database.read { db in
            try AmendmentStore.amendments(unit: Samples.branch.code, in: db).first
                .map { try TicketViews(workflows: workflows).detail($0, in: db) }
        }
        return try #require(detail)
    }

    func record(_ step: TicketStep, onInquiry requestCode: String) async throws {
        let workflows = host.definition.workflows
        try await host.context.store.database.write { db in
            let inquiry = try #require(try InquiryStore.inquiry(requestCode: requestCode, in: db))
            try step.record(on: .inquiry(inquiry), by: "tk-cs-021", with: workflows, in: db)
        }
    }

    func record(_ step: TicketStep, onAmendment ticketId: String) async throws {
        let workflows = host.definition.workflows
        try await host.context.store.database.write { db in
            let amendment = try #require(try AmendmentStore.amendment(ticketId: ticketId, in: db))
            try step.record(on: .contractAmendment(amendment), by: "tk-cs-021", with: workflows, in: db)
        }
    }

    /// Runs the connection `requestCode` to its signed contract, as the flow's messages do, and
    /// returns the contract's number.
    func signedContract(_ requestCode: String) async throws -> String {
        let at = vietnamTime("2025-09-08 08:00")
        try await deliver(Samples.submitted(requestCode, at: at))
        try await deliver(Samples.clear(requestCode, at: at))
        try await deliver(Samples.installed(requestCode, at: at))
        let number = try #require(try await sent(ContractDrafted.self).first?.contractNumber)
        try await deliver(Samples.signed(requestCode, contractNumber: number, at: at))
        return number
    }
}
