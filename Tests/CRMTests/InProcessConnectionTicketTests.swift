@testable import CRM
import Contracts
import Foundation
import GRDB
import ServiceKit
import TestSupport
import Testing

/// A new connection's ticket through its whole life, with crm's handlers run in-process on its
/// own store and no broker: each message of the flow as the other services send it, each staff
/// step as the ticket desk records it, and the SLA judged on a clock the test moves.
@Suite struct InProcessConnectionTicketTests {
    static let code = "PC05TK-250908-000001"

    @Test func aConnectionTicketRunsFromRequestToSignedContractAgainstItsMovingDueDate() async throws {
        let clock = ManualClock(vietnamTime("2025-09-08 08:00"))
        let crm = try InMemoryService<CRMService>(clock: clock.wallClock)
        let code = Self.code

        try await crm.deliver(Samples.submitted(code, at: vietnamTime("2025-09-08 07:55")), correlationId: code)
        let opened = try #require(try await crm.sent(TicketOpened.self).first)
        // Received on Monday 8 Sep: three working days, Tuesday to Thursday.
        #expect(opened.slaLimitWorkingDays == 3)
        #expect(opened.dueDate.description == "2025-09-11")
        let screen = try #require(try await crm.sent(ScreenIdentities.self).first)
        #expect(screen.requestKind == .newLowVoltageConnection, "households names it again on its answer")
        #expect(try await crm.ticket(code).slaState == .onTrack)

        try await crm.deliver(Samples.clear(code, at: vietnamTime("2025-09-08 08:05")), correlationId: code)
        #expect(try await crm.ticket(code).screening?.outcome == .clear)

        clock.set(vietnamTime("2025-09-08 09:00"))
        try await crm.record(.contact(note: "Hẹn khảo sát sáng nay"), on: code)
        clock.set(vietnamTime("2025-09-08 10:00"))
        try await crm.record(.survey(Ticket.Survey(outcome: .needsPoleOrCable, phase: .single)), on: code)
        // A pole or cable extends the limit to seven working days from the day of receipt.
        let surveyed = try #require(try await crm.sent(SurveyRecorded.self).first)
        #expect(surveyed.slaLimitWorkingDays == 7)
        #expect(surveyed.dueDate.description == "2025-09-17")
        #expect(try await crm.ticket(code).dueDate == "2025-09-17")

        clock.set(vietnamTime("2025-09-08 10:05"))
        try await crm.record(.installation, on: code)
        let install = try #require(try await crm.sent(InstallMeter.self).first)
        #expect(install.requestKind == .newLowVoltageConnection, "metering names it again on the order's events")
        #expect(install.phase == .single)
        try await crm.deliver(Samples.workOrder(code, at: vietnamTime("2025-09-08 10:10")), correlationId: code)

        clock.set(vietnamTime("2025-09-12 09:00"))
        #expect(try await crm.ticket(code).slaState == .onTrack, "Friday: the due date is next Wednesday")
        clock.set(vietnamTime("2025-09-17 08:00"))
        #expect(try await crm.ticket(code).slaState == .dueToday)
        try await crm.deliver(Samples.installed(code, at: vietnamTime("2025-09-17 08:30")), correlationId: code)
        let drafted = try #require(try await crm.sent(ContractDrafted.self).first)
        #expect(drafted.meterSerial == "VN1P-250001")
        #expect(drafted.householdCount == 2)

        clock.set(vietnamTime("2025-09-17 15:00"))
        try await crm.deliver(Samples.signed(code, contractNumber: drafted.contractNumber,
                                             at: vietnamTime("2025-09-17 15:00")), correlationId: code)
        let closed = try #require(try await crm.sent(TicketClosed.self).first)
        #expect(closed.resolution == .contractSigned)
        #expect(closed.workingDaysTaken == 7)
        #expect(closed.slaOutcome == .met)
        #expect(try await crm.sent(RegisterMainHousehold.self).first?.householdCount == 2)

        clock.set(vietnamTime("2025-09-19 09:00"))
        let ticket = try await crm.ticket(code)
        #expect(ticket.status == .closed)
        #expect(ticket.slaState == .met, "a ticket closed in time stays met however the clock moves on")
        #expect(ticket.timeline.count == 12, "every step on the timeline: \(ticket.timeline)")
    }

    @Test func anOpenTicketPastItsDueDateIsBreachedOnTheNextDay() async throws {
        let clock = ManualClock(vietnamTime("2025-09-08 08:00"))
        let crm = try InMemoryService<CRMService>(clock: clock.wallClock)
        try await crm.deliver(Samples.submitted(Self.code, at: vietnamTime("2025-09-08 07:55")))
        clock.set(vietnamTime("2025-09-11 23:59"))
        #expect(try await crm.ticket(Self.code).slaState == .dueToday)
        clock.set(vietnamTime("2025-09-12 00:00"))
        #expect(try await crm.ticket(Self.code).slaState == .breached, "midnight in Vietnam, not in UTC")
    }
}

extension InMemoryService<CRMService> {
    /// The connection ticket of `requestCode` as the ticket desk shows it, judged on crm's clock.
    func ticket(_ requestCode: String) async throws -> TicketDetail {
        let workflows = host.definition.workflows
        let detail = try await host.context.store.database.read { db in
            try TicketStore.ticket(requestCode: requestCode, personalData: workflows.personalData, in: db)
                .map { try TicketViews(workflows: workflows).detail($0, in: db) }
        }
        return try #require(detail)
    }

    /// Records `step` on the connection ticket of `requestCode` as an officer of its branch does.
    func record(_ step: TicketStep, on requestCode: String) async throws {
        let workflows = host.definition.workflows
        try await host.context.store.database.write { db in
            let ticket = try #require(try TicketStore.ticket(requestCode: requestCode,
                                                            personalData: workflows.personalData, in: db))
            try step.record(on: .newConnection(ticket), by: "tk-017", with: workflows, in: db)
        }
    }
}
