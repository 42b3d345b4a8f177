import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WorkingCalendar

/// `POST /api/v1/meters` (receive a verified meter into stock) and `GET /api/v1/meters`
/// (the branch's stock), for the branch's stock keepers (`meter_stock`).
///
/// A stock keeper's branch is their token's unit; corporation staff name it in `branchCode`
/// (and may filter the list with `?branchCode=`). Answers 201 with the stocked meter, 409 for
/// a serial already received, 422 with every field error at once.
struct MeterStockEndpoint: Sendable {
    static let path = "api/v1/meters"

    let staff: StaffTokenVerifier
    let desk: WorkOrderDesk
    let writer: GroupCommitWriter
    let store: ServiceStore

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, _ in try await receive(request) }
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
    }

    func receive(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .meterStock)
        var request = request
        let form = try await request.decodeJSON(MeterStockForm.self)
        let ownBranch = try claims.actingUnit(named: form.branchCode, field: "branchCode")
        let now = Date()
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
        return try Response.json(stocked, status: .created)
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .meterStock)
        let branch = request.uri.queryParameters.get("branchCode") ?? claims.ownUnit
        if let branch { try claims.requireAccess(unit: branch) }
        let today = CalendarDay.today
        let meters = try await store.database.read { db in try MeterShelf.list(branchCode: branch, today: today, in: db) }
        return try Response.json(["meters": meters])
    }
}
