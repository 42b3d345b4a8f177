import Contracts
import Foundation
import Hummingbird
import ServiceAreas
import ServiceKit
import VietnameseIdentity
import WorkingCalendar

/// `GET /api/v1/planned-outages?communeCode=20356` (or `?customerCode=PC05TK0012345`), with
/// optional `from` and `to` days (`YYYY-MM-DD`, Vietnam; default today and 30 days on): the
/// planned-outage schedule customers look up, from outage.
///
/// Answers 200 `{"plannedOutages": [...]}`, soonest first, cancelled ones included; 404 for a
/// customer code outage has no supply point for; 422 for a bad or missing field; 503 when
/// outage does not answer in time; 429 with `Retry-After` over the client's allowance (``AbuseLimits``).
struct PlannedOutageEndpoint: Sendable {
    static let path = "api/v1/planned-outages"
    static let defaultDays = 30
    static let longestDays = 366

    let areas: ServiceAreaTable
    let lookup: PlannedOutageLookup
    let limits: AbuseLimits
    let clock: WallClock

    /// The query parameters, as the look-up checks them and the API document shows them.
    var parameters: (commune: FieldDeclaration<ServiceArea>, customer: FieldDeclaration<CustomerCode>,
                     from: FieldDeclaration<CalendarDay>, to: FieldDeclaration<CalendarDay>) {
        let day = FieldFormat<CalendarDay>.day(yearZero: true) { (text: String) -> CalendarDay? in CalendarDay(text) }
        return (.optional("communeCode", .servedCommune(in: areas), "The commune's 5-digit code (or give customerCode)."),
                .optional("customerCode", .customerCode, "The customer code on the bill (or give communeCode)."),
                .optional("from", day, "First day, YYYY-MM-DD (default today, Vietnam)."),
                .optional("to", day, "Last day, YYYY-MM-DD (default \(Self.defaultDays) days after the first, at most \(Self.longestDays))."))
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            try limits.admit(.lookup, request, context)
            return try await schedule(request)
        }
    }

    func schedule(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        return try Response.json(["plannedOutages": try await schedule(
            communeCode: parameters.get("communeCode"), customerCode: parameters.get("customerCode"),
            from: parameters.get("from"), to: parameters.get("to"))])
    }

    /// The planned outages asked for, from outage: the API's look-up and the portal's alike.
    ///
    /// - Throws: ``APIError`` 422, 404 or 503 as the type's comment says.
    func schedule(communeCode: String?, customerCode: String?, from: String?, to: String?) async throws -> [PlannedOutage] {
        let query = try self.query(communeCode: communeCode, customerCode: customerCode, from: from, to: to)
        guard let reply = await lookup.plannedOutages(query) else { throw APIError.scheduleUnavailable }
        guard reply.known else { throw APIError.supplyPointUnknown }
        return reply.plannedOutages
    }

    private func query(communeCode: String?, customerCode: String?, from: String?, to: String?) throws -> PlannedOutagesQuery {
        var validation = Validation()
        let parameters = self.parameters
        let commune = validation.check(parameters.commune, communeCode)?.communeCode
        let customer = validation.check(parameters.customer, customerCode)
        if (communeCode ?? "").allSatisfy(\.isWhitespace) == (customerCode ?? "").allSatisfy(\.isWhitespace) {
            validation.add(IntakeProblem.outagePlaceRequired, at: "communeCode")
        }
        let today = CalendarDay(clock.now())
        let first = validation.check(parameters.from, from) ?? today
        let last = validation.check(parameters.to, to) ?? first.adding(days: Self.defaultDays)
        if last < first || first.days(to: last) > Self.longestDays {
            validation.add(IntakeProblem.dayRange(longest: Self.longestDays), at: "to")
        }
        do { try validation.finish() } catch { throw APIError.invalid(error) }
        return PlannedOutagesQuery(communeCode: commune, customerCode: customer?.description,
                                   from: first.start(), to: last.adding(days: 1).start())
    }
}
