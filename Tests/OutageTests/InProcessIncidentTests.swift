import Contracts
import Foundation
import GRDB
@testable import Outage
import TestSupport
import Testing
import VietnameseIdentity

/// Reports filed into incidents and an incident's restoration told to its reporters, with outage's
/// handlers run in-process on its own store and no broker: what dispatch sees and what the
/// reporters are sent.
@Suite struct InProcessIncidentTests {
    @Test func reportsOfOneAreaBecomeOneIncidentThatDispatchSeesWithMaskedPhones() async throws {
        let outage = try InMemoryService<OutageService>()
        for number in 1...3 { try await outage.deliver(Samples.report(number)) }
        try await outage.deliver(Samples.report(4, phone: Samples.report(1).phone))
        try await outage.deliver(Samples.report(5, communeCode: Samples.tanThanh))

        let incidents = try await outage.incidents()
        #expect(incidents.count == 2, "An Mỹ and Tân Thạnh: \(incidents.map(\.area))")
        let anMy = try #require(incidents.first { $0.area == "commune:\(Samples.anMy)" })
        #expect(anMy.status == .open)
        #expect(anMy.reportCount == 4)
        #expect(anMy.reporterCount == 3, "report 4 came from report 1's phone")
        let reports = try #require(try await outage.incident(anMy.incidentId).reports)
        let first = try VietnamesePhoneNumber(Samples.report(1).phone)
        #expect(reports.map(\.phone).first == first.masked)
        #expect(!reports.contains { $0.phone.contains(first.e164.dropFirst()) }, "a phone is shown masked only")
        #expect(reports.map(\.counted) == [true, true, true, false])
    }

    @Test func aReportDeliveredTwiceIsFiledOnce() async throws {
        let outage = try InMemoryService<OutageService>()
        try await outage.deliver(Samples.report(1), messageId: "twice")
        try await outage.deliver(Samples.report(1), messageId: "twice")
        try await outage.deliver(Samples.report(1))
        let incident = try #require(try await outage.incidents().first)
        #expect(incident.reportCount == 1)
    }

    @Test func aReportWithoutAVietnameseMobileIsRefusedAndFilesNothing() async throws {
        let outage = try InMemoryService<OutageService>()
        await #expect(throws: (any Error).self) {
            try await outage.deliver(Samples.report(1, phone: "+14155550100"))
        }
        #expect(try await outage.incidents().isEmpty)
    }

    @Test func restorationTellsEachReporterOnceWithTheCauseAndTheBranchHotline() async throws {
        let outage = try InMemoryService<OutageService>()
        for number in 1...2 { try await outage.deliver(Samples.report(number)) }
        try await outage.deliver(Samples.report(3, phone: Samples.report(1).phone))
        let incidentId = try #require(try await outage.incidents().first?.incidentId)

        try await outage.restore(incidentId, cause: "Cây đổ vào đường dây trung thế")

        let restored = try #require(try await outage.sent(IncidentRestored.self).first)
        #expect(restored.incidentId == incidentId)
        #expect(restored.reporterCount == 2)
        let notices = try await outage.sent(SendOutageNotice.self)
        #expect(Set(notices.map(\.phone)) == [Samples.report(1).phone, Samples.report(2).phone])
        for notice in notices {
            #expect(notice.notice == .restored)
            #expect(notice.reference == incidentId)
            #expect(notice.reason == "Cây đổ vào đường dây trung thế")
            #expect(notice.branch.hotline == Samples.tamKy.hotline)
        }
        #expect(try await outage.incidents().isEmpty, "a restored incident leaves dispatch's open list")
    }
}

extension InMemoryService<OutageService> {
    /// The open incidents of every branch, as dispatch's list shows them.
    fileprivate func incidents() async throws -> [IncidentView] {
        try await host.context.store.database.read { db in
            try IncidentReader.incidents(branchCode: nil, restored: false, limit: 100, in: db)
        }
    }

    /// One incident with its reports, as its detail page shows it.
    fileprivate func incident(_ incidentId: String) async throws -> IncidentView {
        let incident = try await host.context.store.database.read { db in
            try IncidentReader.incident(incidentId, in: db)
        }
        return try #require(incident)
    }

    /// Restores the incident as a dispatcher's restoration does.
    fileprivate func restore(_ incidentId: String, cause: String) async throws {
        let context = host.context
        let desk = IncidentDesk(outbox: context.outbox, personalData: context.personalData, window: 3 * 3600,
                                logger: context.logger)
        let now = context.clock.preciseNow()
        let outcome = try await context.store.database.write { db in
            try desk.restore(incidentId, cause: cause, by: "tk-dd-01", at: now, in: db)
        }
        #expect(outcome == .done)
    }
}
