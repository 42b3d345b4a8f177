import Foundation
import ServiceKit
import StaffAuth
import WorkingCalendar

/// What the branch's stock keepers and technicians record, with every check and each in one
/// transaction, for the API and the staff pages alike: a meter received, an order completed or
/// a visit's result on a technician's phone is the same act as through the API. Each act is
/// stamped with the time `clock` reads.
struct FieldWork: Sendable {
    let desk: WorkOrderDesk
    let visits: VisitDesk
    let writer: GroupCommitWriter
    let store: ServiceStore
    let clock: WallClock

    /// Today in Vietnam, by the service's clock: the day a meter's verification is valid on.
    func today() -> CalendarDay {
        CalendarDay(clock.preciseNow())
    }

    /// Receives a verified meter into the stock of `claims`' branch (corporation staff name it in the form).
    ///
    /// - Throws: ``APIError`` 422 with every field error at once, 409 for a serial already received,
    ///   403 when branch staff name another branch.
    func receive(_ form: MeterStockForm, by claims: StaffClaims) async throws -> StockedMeter {
        let ownBranch = try claims.actingUnit(named: form.branchCode, field: "branchCode")
        let now = clock.preciseNow()
        let today = CalendarDay(now)
        let meter: ReceivedMeter
        do {
            meter = try MeterStockValidator().validate(form, branch: ownBranch, today: today)
        } catch {
            throw APIError.invalid(error)
        }
        let desk = desk
        let stocked = try await writer.write { db -> StockedMeter? in
            guard try desk.receive(meter, by: claims.staffId, at: now, in: db) else { return nil }
            return try MeterShelf.meter(serial: meter.serial, today: today, in: db)
        }
        guard let stocked else { throw APIError.duplicateSerial }
        return stocked
    }

    /// The meters of `branchCode` (every branch's when `nil`), with their verification's validity today.
    ///
    /// - Throws: ``APIError/otherUnit`` (403) when `claims` may not see that branch.
    func stock(branchCode: String?, for claims: StaffClaims) async throws -> [StockedMeter] {
        if let branchCode { try claims.requireAccess(unit: branchCode) }
        let today = today()
        return try await store.database.read { db in try MeterShelf.list(branchCode: branchCode, today: today, in: db) }
    }

    /// The work order `id`, when `claims`' branch owns it.
    ///
    /// - Throws: ``APIError`` 404 for an unknown order, 403 for another branch's.
    func order(id: String, for claims: StaffClaims) async throws -> WorkOrder {
        guard let order = try await store.database.read({ db in try WorkOrderLedger.order(id: id, in: db) }) else {
            throw APIError.workOrderNotFound
        }
        try claims.requireAccess(unit: order.branchCode)
        return order
    }

    /// Completes the order `id` with the reserved meter, as `claims`' technician reported it.
    ///
    /// - Returns: the completed order, on its reading route.
    /// - Throws: ``APIError`` 404/403 as ``order(id:for:)``, 409 for an order already completed,
    ///   still waiting for a meter or on no reading route, 422 for invalid fields or a serial
    ///   that is not the reserved meter.
    func complete(orderId id: String, with form: CompletionForm, by claims: StaffClaims) async throws -> WorkOrder {
        let order = try await order(id: id, for: claims)
        switch order.status {
        case .completed: throw APIError.workOrderCompleted
        case .awaitingMeter: throw APIError.workOrderAwaitingMeter
        case .open: break
        }
        let completion: WorkOrderCompletion
        do {
            completion = try form.validated(reserved: order.meterSerial ?? "")
        } catch {
            throw APIError.invalid(error)
        }
        let (desk, now) = (desk, clock.preciseNow())
        let outcome = try await writer.write { db in
            try desk.complete(order, with: completion, by: claims.staffId, at: now, in: db)
        }
        switch outcome {
        case .completed:
            return try await self.order(id: id, for: claims)
        case .notOpen(.awaitingMeter): throw APIError.workOrderAwaitingMeter
        case .notOpen: throw APIError.workOrderCompleted
        case .noReadingRoute: throw APIError.noReadingRoute
        }
    }

    /// The meter visit `id`, when `claims`' branch owns it.
    ///
    /// - Throws: ``APIError`` 404 for an unknown visit, 403 for another branch's.
    func visit(id: String, for claims: StaffClaims) async throws -> MeterVisit {
        let visits = visits
        guard let visit = try await store.database.read({ db in try visits.visit(id: id, in: db) }) else {
            throw APIError.visitNotFound
        }
        try claims.requireAccess(unit: visit.branchCode)
        return visit
    }

    /// Records what `claims`' technician found at the meter of the visit `id`, and announces it.
    ///
    /// - Returns: the visit as recorded (pass or fail and the fee included).
    /// - Throws: ``APIError`` 404/403 as ``visit(id:for:)``, 409 for a visit already recorded,
    ///   422 for invalid fields or a serial that is not the customer's meter.
    func recordVisit(id: String, with form: VisitResultForm, by claims: StaffClaims) async throws -> MeterVisit {
        let visit = try await visit(id: id, for: claims)
        guard visit.status == .open else { throw APIError.visitDone }
        let result: VisitResult
        do {
            result = try form.validated(purpose: visit.purpose, known: visit.meterSerial)
        } catch {
            throw APIError.invalid(error)
        }
        let (visits, now) = (visits, clock.preciseNow())
        try await writer.write { db in
            guard let current = try visits.visit(id: id, in: db), current.status == .open else { throw APIError.visitDone }
            _ = try visits.record(result, of: current, by: claims.staffId, at: now, in: db)
        }
        return try await self.visit(id: id, for: claims)
    }
}
