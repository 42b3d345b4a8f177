import Contracts
import Foundation
@testable import Metering
import ServiceKit
import TestSupport
import Testing
import WorkingCalendar

/// Installation work orders with metering run in-process on its own store and no broker: the
/// order's events name the request kind crm's command named, even when the order waited days
/// for a meter, so that crm hands them to the right ticket without looking the request up.
@Suite struct InProcessWorkOrderTests {
    /// Monday 2 March 2026, 10:00 in Vietnam.
    static let now = Date(timeIntervalSince1970: 1_772_420_400)

    @Test func anOrdersEventsNameTheRequestKindItsCommandNamed() async throws {
        let metering = try InMemoryService<MeteringService>(clock: ManualClock(Self.now).wallClock)
        try await metering.receive("VN1P-260001")
        let code = "PC05TK-260302-000001"
        try await metering.deliver(Samples.installMeter(code))

        let opened = try #require(try await metering.sent(WorkOrderOpened.self).first)
        #expect(opened.requestCode == code)
        #expect(opened.requestKind == .newLowVoltageConnection)
        #expect(opened.meterSerial == "VN1P-260001")

        let installed = try await metering.complete(code)
        #expect(installed.requestKind == .newLowVoltageConnection)
        #expect(installed.meterSerial == "VN1P-260001")
        #expect((installed.readingRoute, installed.readingDay) == ("TK-R07", 14))
        #expect(installed.installedAt == Self.now)
    }

    @Test func anOrderThatWaitedForAMeterStillNamesItsKindWhenTheMeterComes() async throws {
        let metering = try InMemoryService<MeteringService>(clock: ManualClock(Self.now).wallClock)
        let code = "PC05TK-260302-000002"
        try await metering.deliver(Samples.installMeter(code, split: Samples.split))
        #expect(try await metering.sent(WorkOrderOpened.self).isEmpty, "no verified meter in stock yet")

        try await metering.receive("VN1P-260002")
        let opened = try #require(try await metering.sent(WorkOrderOpened.self).first)
        #expect(opened.requestKind == .meterSplit)
        #expect(try await metering.complete(code).requestKind == .meterSplit)
        #expect(try await metering.sent(MeterSplit.self).first?.newMeterSerial == "VN1P-260002")
    }

    @Test func aCommandFromASenderOlderThanTheKindOpensAnOrderWhoseEventsNameNone() async throws {
        let metering = try InMemoryService<MeteringService>(clock: ManualClock(Self.now).wallClock)
        try await metering.receive("VN1P-260003")
        let code = "PC05TK-260302-000003"
        var command = Samples.installMeter(code)
        command.requestKind = nil
        try await metering.deliver(command)

        #expect(try await metering.sent(WorkOrderOpened.self).map(\.requestKind) == [nil])
        #expect(try await metering.complete(code).requestKind == nil)
    }
}

extension InMemoryService<MeteringService> {
    /// The desk as the service builds it, on the built-in reading routes.
    private var desk: WorkOrderDesk {
        WorkOrderDesk(outbox: host.context.outbox, routes: .builtIn,
                      installationLeadDays: MeteringService.defaultLeadDays, logger: host.context.logger)
    }

    /// Receives a single-phase meter into the branch's stock, verified this January for five years.
    func receive(_ serial: String) async throws {
        let verification = Verification(verifiedOn: try #require(CalendarDay("2026-01-10")),
                                        validUntil: try #require(CalendarDay("2031-01-10")))
        let meter = ReceivedMeter(serial: serial, phase: .single, verification: verification, branchCode: Samples.branch)
        let (desk, now) = (desk, host.context.clock.preciseNow())
        let received = try await host.context.store.database.write { db in
            try desk.receive(meter, by: "tk-kho-01", at: now, in: db)
        }
        #expect(received)
    }

    /// Completes the order of `requestCode` with its reserved meter, as its technician does.
    func complete(_ requestCode: String) async throws -> MeterInstalled {
        let (desk, now) = (desk, host.context.clock.preciseNow())
        let completion = try await host.context.store.database.write { db in
            let order = try #require(try WorkOrderLedger.order(requestCode: requestCode, in: db))
            return try desk.complete(order, with: WorkOrderCompletion(
                meterSerial: order.meterSerial ?? "", initialReadingKWh: 0, sealNumbers: ["S-001"]),
                by: "tk-kt-01", at: now, in: db)
        }
        let installed: MeterInstalled? = if case .completed(let event) = completion { event } else { nil }
        return try #require(installed, "not completed: \(completion)")
    }
}
