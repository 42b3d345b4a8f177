@testable import CRM
import Contracts
import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing

/// households' screening and metering's work order and installation answer connections and
/// service requests alike: crm hands each to the right ticket by the request kind the answer
/// names, in-process and with no broker, and goes by the kind it recorded only for an answer
/// from a sender older than the field.
@Suite struct InProcessTicketRoutingTests {
    static let connection = "PC05TK-250908-000001"
    static let countChange = "PC05TK-250908-000002"
    static let at = vietnamTime("2025-09-08 08:00")

    @Test func answersThatNameTheirKindReachTheirTicketWithoutReadingTheRequestsKind() async throws {
        let crm = try InMemoryService<CRMService>(clock: ManualClock(Self.at).wallClock)
        try await crm.deliver(Samples.submitted(Self.connection, at: Self.at))
        try await crm.deliver(Self.countChangeRequest())
        #expect(try await crm.sent(ScreenIdentities.self).map(\.requestKind)
                == [.newLowVoltageConnection, .householdCountChange])

        let statements = try await crm.statements {
            try await crm.deliver(Samples.clear(Self.connection, at: Self.at))
            try await crm.deliver(Samples.workOrder(Self.connection, at: Self.at))
            try await crm.deliver(Samples.installed(Self.connection, at: Self.at))
            try await crm.deliver(Samples.clear(Self.countChange, at: Self.at, kind: .householdCountChange))
        }
        #expect(statements.contains { $0.contains("crm_tickets") }, "the trace saw the connection's ticket read")
        let probes = statements.filter { $0.contains("crm_tickets") && $0.contains("crm_service_tickets") }
        #expect(probes.isEmpty, "no statement looked up which kind of ticket a request has: \(probes)")

        #expect(try await crm.sent(ContractDrafted.self).map(\.requestCode) == [Self.connection])
        #expect(try await crm.serviceScreening(Self.countChange) == .clear)
    }

    @Test func anAnswerFromASenderOlderThanTheKindStillReachesItsTicket() async throws {
        let crm = try InMemoryService<CRMService>(clock: ManualClock(Self.at).wallClock)
        try await crm.deliver(Samples.submitted(Self.connection, at: Self.at))
        try await crm.deliver(Self.countChangeRequest())

        try await crm.deliver(Samples.clear(Self.countChange, at: Self.at, kind: nil))
        try await crm.deliver(Samples.clear(Self.connection, at: Self.at, kind: nil))
        try await crm.deliver(Samples.installed(Self.connection, at: Self.at, kind: nil))

        #expect(try await crm.serviceScreening(Self.countChange) == .clear)
        #expect(try await crm.ticket(Self.connection).screening?.outcome == .clear)
        #expect(try await crm.sent(ContractDrafted.self).map(\.requestCode) == [Self.connection])
    }

    @Test func anAnswerWithoutAKindForARequestCRMNeverOpenedIsRefused() async throws {
        let crm = try InMemoryService<CRMService>(clock: ManualClock(Self.at).wallClock)
        await #expect(throws: (any Error).self) {
            try await crm.deliver(Samples.clear(Self.connection, at: Self.at, kind: nil))
        }
        await #expect(throws: (any Error).self) {
            try await crm.deliver(Samples.installed(Self.connection, at: Self.at))
        }
        #expect(try await crm.sent(ContractDrafted.self).isEmpty)
    }

    /// A household count change whose two new households households is asked to screen.
    static func countChangeRequest() -> ServiceRequestSubmitted {
        ServiceRequestSubmitted(
            requestCode: countChange, requestKind: .householdCountChange, channel: .web, customerCode: "PC05TK0000001",
            branch: Samples.branch,
            requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
            details: ServiceRequestDetails(newHouseholds: [Person(fullName: "Trần Thị Bích", idNumber: "049195004321")]),
            consentGivenAt: at, submittedAt: at)
    }
}

extension InMemoryService<CRMService> {
    /// Every SQL statement crm's store ran while `body` ran.
    func statements(during body: () async throws -> Void) async throws -> [String] {
        let seen = StatementLog()
        try await host.context.store.database.write { db in
            db.trace { event in seen.append("\(event)") }
        }
        try await body()
        try await host.context.store.database.write { db in db.trace(options: []) }
        return seen.statements
    }

    /// The screening outcome recorded on the service ticket of `requestCode`.
    func serviceScreening(_ requestCode: String) async throws -> ScreeningCompleted.Outcome? {
        try await host.context.store.database.read { db in
            try ServiceTicketStore.ticket(requestCode: requestCode, in: db)?.screening?.outcome
        }
    }
}

/// The statements a traced connection ran, kept across the transactions the trace outlives.
private final class StatementLog: Sendable {
    private let lines = Mutex<[String]>([])

    var statements: [String] { lines.withLock { $0 } }

    func append(_ statement: String) {
        lines.withLock { $0.append(statement) }
    }
}
