import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// The dossiers and their households, for a unit's households officers and supervisors on
/// their own unit's records; corporation staff act on every unit's.
///
/// | route | answers |
/// |---|---|
/// | `POST /api/v1/dossiers` | 201 dossier; 409 duplicate elsewhere or customer code active; 422 |
/// | `GET /api/v1/dossiers?customerCode=` | 200 the customer's active dossier |
/// | `GET /api/v1/dossiers[?q=&unit=&limit=&after=]` | 200 ``DossierList``: the unit's dossiers, searched; with `limit`, one page |
/// | `GET /api/v1/dossiers/{id}` | 200 dossier |
/// | `POST /api/v1/dossiers/{id}/closure` | 200 closed dossier; 409 already closed |
/// | `POST /api/v1/dossiers/{id}/sub-households` | 201 household; 409 duplicate elsewhere; 422 |
/// | `PUT /api/v1/sub-households/{ref}` | 200 household (details replaced, recounted) |
/// | `POST /api/v1/sub-households/{ref}/end` | 200 household, ended |
/// | `PUT /api/v1/sub-households/{ref}/split-status` | 200 household with its split status |
///
/// 401 without a valid token, 403 for another unit's record or a non-supervisor's override.
struct DossierEndpoint: Sendable {
    let staff: StaffTokenVerifier
    let program: HouseholdsProgram

    func register(on router: Router<ServiceRequestContext>) {
        router.post("api/v1/dossiers") { request, _ in try await create(request) }
        router.get("api/v1/dossiers") { request, _ in
            let claims = try await staff.authenticate(request, for: .households)
            let query = request.uri.queryParameters
            guard let code = query.get("customerCode") else {
                let named = query.get("unit").map { String($0).uppercased() }
                return try Response.json(try await program.dossiers(
                    unit: try claims.actingUnit(named: named, field: "unit") ?? named,
                    search: DossierSearch(query.get("q").map { String($0) }), page: try ListPage.asked(by: request)))
            }
            return try Response.json(try await program.dossier(customerCode: code, by: claims))
        }
        router.get("api/v1/dossiers/:id") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            return try Response.json(try await program.dossier(id: try context.parameters.require("id"), by: claims))
        }
        router.post("api/v1/dossiers/:id/closure") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            return try Response.json(try await program.closeDossier(id: try context.parameters.require("id"), by: claims))
        }
        router.post("api/v1/dossiers/:id/sub-households") { request, context in
            try await addSubHousehold(request, dossierId: try context.parameters.require("id"))
        }
        router.put("api/v1/sub-households/:ref") { request, context in
            try await updateSubHousehold(request, reference: try Self.reference(context))
        }
        router.post("api/v1/sub-households/:ref/end") { request, context in
            let claims = try await staff.authenticate(request, for: .households)
            return try Response.json(try await program.endSubHousehold(try Self.reference(context), by: claims))
        }
        router.put("api/v1/sub-households/:ref/split-status") { request, context in
            try await recordSplitStatus(request, reference: try Self.reference(context))
        }
    }

    private func create(_ request: Request) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .households)
        var request = request
        let form = try await request.decodeJSON(DossierForm.self)
        switch try await program.openDossier(form, unit: try claims.actingUnit(named: form.unit, field: "unit"), by: claims) {
        case .registered(let view): return try Response.json(view, status: .created)
        case .duplicates(let conflict): return try DuplicateAnswer.response(conflict)
        }
    }

    /// The body of a sub-household's registration or update: its details, and a supervisor's override.
    private struct SubHouseholdBody: Decodable {
        var household: SubHouseholdForm
        var override: OverrideForm?

        init(from decoder: any Decoder) throws {
            household = try SubHouseholdForm(from: decoder)
            override = try decoder.container(keyedBy: Key.self).decodeIfPresent(OverrideForm.self, forKey: .override)
        }

        private enum Key: String, CodingKey { case override }
    }

    private func addSubHousehold(_ request: Request, dossierId: String) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .households)
        var request = request
        let body = try await request.decodeJSON(SubHouseholdBody.self)
        switch try await program.registerSubHousehold(body.household, dossierId: dossierId, override: body.override, by: claims) {
        case .registered(let view): return try Response.json(view, status: .created)
        case .duplicates(let conflict): return try DuplicateAnswer.response(conflict)
        }
    }

    private func updateSubHousehold(_ request: Request, reference: SubHouseholdReference) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .households)
        var request = request
        let body = try await request.decodeJSON(SubHouseholdBody.self)
        switch try await program.updateSubHousehold(body.household, reference: reference, override: body.override, by: claims) {
        case .registered(let view): return try Response.json(view)
        case .duplicates(let conflict): return try DuplicateAnswer.response(conflict)
        }
    }

    private func recordSplitStatus(_ request: Request, reference: SubHouseholdReference) async throws -> Response {
        let claims = try await staff.authenticate(request, for: .households)
        var request = request
        let form = try await request.decodeJSON(SplitStatusForm.self)
        let status: SplitStatusView
        do {
            status = try form.validate()
        } catch {
            throw APIError.invalid(error)
        }
        return try Response.json(try await program.recordSplitStatus(status, reference: reference, by: claims))
    }

    private static func reference(_ context: ServiceRequestContext) throws -> SubHouseholdReference {
        guard let reference = SubHouseholdReference(try context.parameters.require("ref")) else {
            throw APIError.subHouseholdNotFound
        }
        return reference
    }
}
