import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// Opens installation work orders, pairs them with verified meters, and completes them;
/// every change and the events it causes commit in one transaction.
///
/// An order takes a meter of its branch and phase whose verification covers today and the
/// ``installationLeadDays`` after it, the one that expires soonest first. With none in stock
/// the order waits, and the next suitable meter received goes to the oldest waiting order.
struct WorkOrderDesk: Sendable {
    /// How a completion ended.
    enum Completion: Sendable {
        case completed(MeterInstalled)
        /// The order is not open (already completed, or still waiting for a meter).
        case notOpen(WorkOrderStatus)
        /// Neither the site's commune nor the branch has a reading route.
        case noReadingRoute
    }

    let outbox: Outbox
    let routes: ReadingRouteTable
    /// Days from the order to the latest installation: the verification must still be valid then.
    let installationLeadDays: Int
    let logger: Logger

    /// Handles `metering.install-meter`: one work order per request code, a meter reserved if one fits.
    /// A split with a blank code or id, or naming the shared meter as the new one, is dead-lettered:
    /// households could never match it.
    func open(_ command: InstallMeter, message: Envelope, at now: Date, in db: Database) throws {
        if let split = command.split, !Self.isComplete(split) {
            throw MessageHandlingError.permanent(
                "install-meter for \(command.requestCode) names an incomplete split (blank code or id, or one customer code twice)")
        }
        if let existing = try WorkOrderLedger.order(requestCode: command.requestCode, in: db) {
            logger.info("install-meter repeated; the request already has a work order",
                        metadata: .request(command.requestCode, ["work_order_id": "\(existing.workOrderId)"]))
            return
        }
        let order = try WorkOrderLedger.insert(command, message: message, at: now.wholeSeconds, in: db)
        if try !assignMeter(to: order, at: now, in: db) {
            logger.warning("no verified meter in stock; work order waits for one", metadata: .request(command.requestCode, [
                "work_order_id": "\(order.workOrderId)", "branch": "\(order.branchCode)", "phase": "\(order.phase)",
            ]))
        }
    }

    /// Records a received meter and hands it to the oldest order of its branch and phase
    /// waiting for one; `false` when the serial is already known.
    func receive(_ meter: ReceivedMeter, by staffId: String, at now: Date, in db: Database) throws -> Bool {
        guard try MeterShelf.receive(meter, by: staffId, at: now.wholeSeconds, in: db) else { return false }
        logger.info("meter received into stock", metadata: [
            "serial": "\(meter.serial)", "branch": "\(meter.branchCode)", "phase": "\(meter.phase.rawValue)",
            "valid_until": "\(meter.verification.validUntil)", "staff_id": "\(staffId)",
        ])
        for order in try WorkOrderLedger.waiting(branchCode: meter.branchCode, phase: meter.phase.rawValue, in: db) {
            guard try assignMeter(to: order, at: now, in: db) else { break }
        }
        return true
    }

    /// Completes an open order with the reserved meter: the meter is installed and joins a reading route.
    func complete(
        _ order: WorkOrder, with completion: WorkOrderCompletion, by staffId: String, at now: Date, in db: Database
    ) throws -> Completion {
        guard let current = try WorkOrderLedger.order(id: order.workOrderId, in: db) else { return .notOpen(order.status) }
        guard current.status == .open, let serial = current.meterSerial else { return .notOpen(current.status) }
        guard let route = routes.route(communeCode: current.communeCode, branchCode: current.branchCode) else {
            return .noReadingRoute
        }
        let installedAt = now.wholeSeconds
        try MeterShelf.install(serial, in: db)
        try WorkOrderLedger.markCompleted(current.workOrderId, completion, route: route, by: staffId, at: installedAt, in: db)
        let event = MeterInstalled(
            workOrderId: current.workOrderId, requestCode: current.requestCode, requestKind: current.requestKind,
            meterSerial: serial, initialReadingKWh: completion.initialReadingKWh, sealNumbers: completion.sealNumbers,
            readingRoute: route.route, readingDay: route.readingDay, installedAt: installedAt)
        try send(event, of: current, at: installedAt, in: db)
        logger.info("meter installed", metadata: .request(current.requestCode, [
            "work_order_id": "\(current.workOrderId)", "serial": "\(serial)", "reading_route": "\(route.route)",
            "staff_id": "\(staffId)",
        ]))
        if let split = current.split {
            try announceSplit(split, of: current, newMeterSerial: serial, at: installedAt, in: db)
            try SupplyPointLedger.record(customerCode: split.newCustomerCode, meterSerial: serial,
                                         branchCode: current.branchCode, route: route, since: installedAt, in: db)
        }
        return .completed(event)
    }

    /// Handles `crm.contract.signed`: the contract's customer code is the supply point of the
    /// meter its request's order installed, on that order's reading route. A contract on a
    /// meter metering did not install (none here) is left to the billing system's records.
    func recordSupplyPoint(_ signed: ContractSigned, in db: Database) throws {
        guard let order = try WorkOrderLedger.order(requestCode: signed.requestCode, in: db),
              let route = order.readingRoute, let day = order.readingDay else {
            logger.info("contract signed on a meter this service did not install; no supply point recorded",
                        metadata: .request(signed.requestCode, ["customer_code": "\(signed.customerCode)"]))
            return
        }
        try SupplyPointLedger.record(customerCode: signed.customerCode, meterSerial: signed.meterSerial,
                                     branchCode: order.branchCode, route: ReadingRoute(route: route, readingDay: day),
                                     since: signed.signedAt, in: db)
        logger.info("supply point recorded", metadata: .request(signed.requestCode, [
            "customer_code": "\(signed.customerCode)", "serial": "\(signed.meterSerial)", "reading_route": "\(route)",
        ]))
    }

    /// Tells households that the sub-household now has its own meter, beside `metering.meter.installed`.
    private func announceSplit(
        _ split: InstallMeter.Split, of order: WorkOrder, newMeterSerial: String, at splitAt: Date, in db: Database
    ) throws {
        let event = MeterSplit(
            workOrderId: order.workOrderId, requestCode: order.requestCode, sharedCustomerCode: split.sharedCustomerCode,
            subHouseholdId: split.subHouseholdId, newCustomerCode: split.newCustomerCode, newMeterSerial: newMeterSerial,
            splitAt: splitAt)
        try send(event, of: order, at: splitAt, in: db)
        logger.info("sub-household split off its shared meter", metadata: .request(order.requestCode, [
            "work_order_id": "\(order.workOrderId)", "shared_customer_code": "\(split.sharedCustomerCode)",
            "sub_household_id": "\(split.subHouseholdId)", "new_customer_code": "\(split.newCustomerCode)",
        ]))
    }

    /// Reserves a fitting meter for a waiting order and announces the open order; `false` when none fits.
    private func assignMeter(to order: WorkOrder, at now: Date, in db: Database) throws -> Bool {
        let today = CalendarDay(now)
        guard let serial = try MeterShelf.reserve(
            branchCode: order.branchCode, phase: order.phase, today: today,
            installBy: today.adding(days: installationLeadDays), for: order.workOrderId, in: db)
        else { return false }
        let openedAt = now.wholeSeconds
        try WorkOrderLedger.markOpen(order.workOrderId, meterSerial: serial, at: openedAt, in: db)
        let event = WorkOrderOpened(workOrderId: order.workOrderId, requestCode: order.requestCode,
                                    requestKind: order.requestKind, branchCode: order.branchCode, meterSerial: serial, openedAt: openedAt)
        try send(event, of: order, at: openedAt, in: db)
        logger.info("work order opened with a reserved meter", metadata: .request(order.requestCode, [
            "work_order_id": "\(order.workOrderId)", "serial": "\(serial)",
        ]))
        return true
    }

    /// Sends an event of `order`'s flow: caused by the install-meter command, on its trace, even when
    /// it is sent later (a meter received days after the order).
    private func send<Event: MessageContract>(_ event: Event, of order: WorkOrder, at timestamp: Date,
                                              in db: Database) throws {
        try outbox.send(event, cause: RecordedCause(messageId: order.commandMessageId, traceparent: order.traceparent),
                        correlation: order.requestCode, at: timestamp, in: db)
    }

    /// Whether every part of `split` is given and the new customer code differs from the shared one.
    private static func isComplete(_ split: InstallMeter.Split) -> Bool {
        let parts = [split.sharedCustomerCode, split.subHouseholdId, split.newCustomerCode]
        return !parts.contains { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            && split.sharedCustomerCode != split.newCustomerCode
    }
}
