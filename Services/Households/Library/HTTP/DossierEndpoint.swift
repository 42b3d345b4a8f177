import Foundation
import Hummingbird
import Logging
import ServiceKit
import StaffAuth

/// `POST /api/v1/dossiers`, `GET /api/v1/dossiers/{id}` and `POST /api/v1/dossiers/{id}/closure`,
/// for households officers (`households_officer`) on their own unit's dossiers; corporation
/// staff act on every unit's and name the unit when registering.
///
/// Registration answers 201 with the dossier (ID numbers masked), 403 for another unit,
/// 409 when the customer code already has an active dossier, 422 with every field error.
struct DossierEndpoint: Sendable {
    static let path = "api/v1/dossiers"

    let staff: StaffTokenAuthority
    let registry: DossierRegistry
    let validator: DossierValidator
    let writer: GroupCommitWriter
    let store: ServiceStore
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.path)) { request, _ in try await create(request) }
        router.get(RouterPath("\(Self.path)/:id")) { request, context in
            try await show(request, id: context.parameters.get("id") ?? "")
        }
        router.post(RouterPath("\(Self.path)/:id/closure")) { request, context in
            try await close(request, id: context.parameters.get("id") ?? "")
        }
    }

    func create(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, allowing: [.householdsOfficer])
        var request = request
        let form = try await request.decodeJSON(DossierForm.self)
        let ownUnit = try claims.actingUnit(named: form.unit, field: "unit")
        let dossier: NewDossier
        do {
            dossier = try validator.validate(form, unit: ownUnit, origin: .records)
        } catch {
            throw APIError.invalid(error)
        }
        let registry = registry
        let now = Date()
        let outcome = try await writer.write { db in try registry.register(dossier, by: claims.staffId, at: now, in: db) }
        switch outcome {
        case .registered(let view):
            logger.info("dossier registered from records", metadata: [
                "dossier_id": "\(view.dossierId)", "unit": "\(view.unit)", "staff_id": "\(claims.staffId)",
                "sub_households": "\(view.members.count - 1)",
            ])
            return try Response.json(view, status: .created)
        case .customerCodeActive:
            throw APIError.customerCodeActive
        }
    }

    func show(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, allowing: [.householdsOfficer])
        let registry = registry
        guard let view = try await store.database.read({ db in try registry.dossier(id: id, in: db) }) else {
            throw APIError.dossierNotFound
        }
        try claims.requireAccess(unit: view.unit)
        return try Response.json(view)
    }

    func close(_ request: Request, id: String) async throws -> Response {
        let claims = try await staff.authenticate(request, allowing: [.householdsOfficer])
        let registry = registry
        guard let view = try await store.database.read({ db in try registry.dossier(id: id, in: db) }) else {
            throw APIError.dossierNotFound
        }
        try claims.requireAccess(unit: view.unit)
        let now = Date()
        switch try await writer.write({ db in try registry.close(id: id, by: claims.staffId, at: now, in: db) }) {
        case .closed(let closed):
            logger.info("dossier closed", metadata: [
                "dossier_id": "\(id)", "unit": "\(closed.unit)", "staff_id": "\(claims.staffId)",
            ])
            return try Response.json(closed)
        case .alreadyClosed: throw APIError.dossierClosed
        case .notFound: throw APIError.dossierNotFound
        }
    }
}
