import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WorkingCalendar

/// The program's reports, for a unit's staff on their unit (corporation staff on any, or all
/// when they name none with `?unit=`):
///
/// | route | answers |
/// |---|---|
/// | `GET /api/v1/duplicates[?limit=&after=]` | ``DuplicateReport``: other units' holdings by unit only; with `limit`, one page; whole, written as it is read |
/// | `GET /api/v1/repricing[?limit=&after=]` | ``RepricingList`` as JSON; with `limit`, one page (``ListPage``); whole, written as it is read (``WholeListResponses``) |
/// | `GET /api/v1/repricing.csv` | the same, CSV with Vietnamese headings, written as it is read |
/// | `GET /api/v1/repricing.html` | the same, a page made for printing, written as it is read |
/// | `GET /api/v1/residence-expiry[?limit=&after=]` | confirmations expiring within 30 days, and expired; with `limit`, one page; whole, written as it is read |
/// | `POST /api/v1/residence-expiry/run` | corporation staff: the daily pass, now |
/// | `GET /api/v1/residence-expiry/held` | corporation staff: how many reminders a pass held back, since when |
/// | `POST /api/v1/residence-expiry/held/release` | corporation staff: sends them (logged with who released them) |
/// | `GET /api/v1/split-report?month=YYYY-MM` | the monthly meter-split report |
struct ReportEndpoint: Sendable {
    let staff: StaffTokenVerifier
    let program: HouseholdsProgram
    let wholeLists: WholeListResponses

    func register(on router: Router<ServiceRequestContext>) {
        router.get("api/v1/duplicates") { request, _ in
            let unit = try await unit(request)
            guard let page = try ListPage.asked(by: request, startingAfter: { DuplicateIndex.Position($0) != nil }) else {
                return try wholeLists.duplicates(unit: unit)
            }
            return try Response.json(try await program.reports.duplicates(unit: unit, page: page))
        }
        router.get("api/v1/repricing") { request, _ in
            let unit = try await unit(request)
            guard let page = try ListPage.asked(by: request) else { return try wholeLists.repricing(unit: unit) }
            return try Response.json(try await program.reports.repricing(unit: unit, page: page))
        }
        router.get("api/v1/repricing.csv") { request, _ in
            wholeLists.repricingCSV(unit: try await unit(request))
        }
        router.get("api/v1/repricing.html") { request, _ in
            try await wholeLists.repricingPage(unit: try await unit(request))
        }
        router.get("api/v1/residence-expiry") { request, _ in
            let unit = try await unit(request)
            guard let page = try ListPage.asked(by: request, startingAfter: { SubHouseholdReference($0) != nil }) else {
                return try wholeLists.expiry(unit: unit)
            }
            return try Response.json(try await program.reports.expiring(unit: unit, page: page))
        }
        router.post("api/v1/residence-expiry/run") { request, _ in
            _ = try await corporationStaff(request)
            return try Response.json(try await program.runResidencePass())
        }
        router.get("api/v1/residence-expiry/held") { request, _ in
            _ = try await corporationStaff(request)
            return try Response.json(try await program.heldReminders())
        }
        router.post("api/v1/residence-expiry/held/release") { request, _ in
            try Response.json(try await program.releaseHeldReminders(by: try await corporationStaff(request)))
        }
        router.get("api/v1/split-report") { request, _ in
            let unit = try await unit(request)
            let text = request.uri.queryParameters.get("month") ?? program.reports.thisMonth
            guard let month = CalendarDay(text + "-01"), text.count == 7 else {
                throw APIError.invalid(ValidationFailure(errors: [FieldError(field: "month", problem: HouseholdsProblem.invalidMonth)]))
            }
            return try Response.json(try await program.reports.splitReport(unit: unit, month: month))
        }
    }

    /// The households officer or supervisor of the corporation (not of a branch) behind `request`:
    /// the residence pass and its held reminders are the whole corporation's.
    private func corporationStaff(_ request: Request) async throws -> StaffClaims {
        let claims = try await staff.authenticate(request, for: .households)
        guard claims.ownUnit == nil else { throw APIError.otherUnit }
        return claims
    }

    /// The unit a report is for: the staff member's own, or for corporation staff the one named
    /// by `?unit=` (none: the whole corporation). Unit staff naming another unit get 403.
    private func unit(_ request: Request) async throws -> String? {
        let claims = try await staff.authenticate(request, for: .households)
        let named = request.uri.queryParameters.get("unit").map { String($0).uppercased() }
        return try claims.actingUnit(named: named, field: "unit") ?? named
    }
}
