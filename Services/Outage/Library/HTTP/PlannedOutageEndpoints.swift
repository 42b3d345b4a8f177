import Contracts
import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// The planned-outage schedule, for the branch's `dispatcher` staff (corporation staff name the branch):
///
/// | route | answers |
/// |---|---|
/// | `GET /api/v1/planned-outages[?branchCode=]` | 200 `{"plannedOutages": [...]}`: those not yet over, soonest first |
/// | `POST /api/v1/planned-outages` ``PlannedOutageForm`` | 201 `{"plannedOutage", "notified"}` |
/// | `PUT /api/v1/planned-outages/{id}` ``PlannedOutageForm`` | 200 the same; 409 once cancelled |
/// | `POST /api/v1/planned-outages/{id}/cancellation` `{"reason"}` | 200 the same; 409 once cancelled |
///
/// `notified` is the number of customers outage asked notification to text. A start less than
/// five days away is refused (422 on `urgentReason`) unless an urgent reason is given.
struct PlannedOutageEndpoints: Sendable {
    static let path = "api/v1/planned-outages"

    /// The answer to every change.
    struct Answer: Encodable, Sendable {
        var plannedOutage: PlannedOutage
        var notified: Int
    }

    let staff: StaffTokenVerifier
    let schedule: PlannedOutageSchedule

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, _ in try await list(request) }
        router.post(RouterPath(Self.path)) { request, _ in try await create(request) }
        router.put(RouterPath("\(Self.path)/:id")) { request, context in
            try await change(request, id: context.parameters.get("id") ?? "")
        }
        router.post(RouterPath("\(Self.path)/:id/cancellation")) { request, context in
            try await cancel(request, id: context.parameters.get("id") ?? "")
        }
    }

    func list(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        let outages = try await schedule.outages(branchCode: request.uri.queryParameters.get("branchCode"), for: claims)
        return try Response.json(["plannedOutages": outages])
    }

    func create(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        var request = request
        let form = try await request.decodeJSON(PlannedOutageForm.self)
        return try answer(try await schedule.schedule(form, by: claims), status: .created)
    }

    func change(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        var request = request
        let form = try await request.decodeJSON(PlannedOutageForm.self)
        let current = try await existing(id, claims: claims)
        let now = schedule.clock.preciseNow()
        let checked = try schedule.checked(form, unit: current.branch.code, previousStart: current.startsAt, now: now)
        let desk = schedule.desk
        let staffId = claims.staffId
        return try answer(try await schedule.writer.write { db in try desk.change(id, to: checked, by: staffId, at: now, in: db) })
    }

    func cancel(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .outageDesk)
        var request = request
        let form = try await request.decodeJSON(CancellationForm.self)
        _ = try await existing(id, claims: claims)
        var validation = Validation()
        let reason = validation.required("reason", form.reason) { (text: String) throws(OutageProblem) in
            try PlannedOutageRules.text(text, minimum: 3, maximum: PlannedOutageRules.longestCustomerText)
        }
        do { try validation.finish() } catch { throw APIError.invalid(error) }
        let desk = schedule.desk
        let staffId = claims.staffId
        let now = schedule.clock.preciseNow()
        return try answer(try await schedule.writer.write { db in try desk.cancel(id, reason: reason!, by: staffId, at: now, in: db) })
    }

    private func existing(_ id: String, claims: StaffClaims) async throws -> PlannedOutage {
        guard let outage = try await schedule.store.database.read({ db in try PlannedOutageReader.outage(id, in: db) }) else {
            throw APIError.plannedOutageNotFound
        }
        try claims.requireAccess(unit: outage.branch.code)
        return outage
    }

    private func answer(_ outcome: PlannedOutageDesk.Outcome, status: HTTPResponse.Status = .ok) throws -> Response {
        switch outcome {
        case .done(let outage, let notified): try Response.json(Answer(plannedOutage: outage, notified: notified), status: status)
        case .notFound: throw APIError.plannedOutageNotFound
        case .cancelled: throw APIError.plannedOutageCancelled
        }
    }
}
