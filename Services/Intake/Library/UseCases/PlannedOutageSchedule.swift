import Contracts
import Foundation
import ServiceAreas
import ServiceKit
import VietnameseIdentity
import WorkingCalendar

/// The planned-outage schedule customers look up, from outage, of a commune or a customer
/// code between two days (Vietnam; default today and 30 days on): the API's, the portal's and
/// an SMS's alike.
struct PlannedOutageSchedule: Sendable {
    static let defaultDays = 30
    static let longestDays = 366

    let areas: ServiceAreaTable
    let lookup: PlannedOutageLookup
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

    /// The planned outages asked for, soonest first, cancelled ones included.
    func schedule(communeCode: String?, customerCode: String?, from: String?, to: String?) async
        -> Result<[PlannedOutage], LookupRefusal> {
        let query: PlannedOutagesQuery
        do throws(ValidationFailure) {
            query = try self.query(communeCode: communeCode, customerCode: customerCode, from: from, to: to)
        } catch {
            return .failure(.invalid(error.errors))
        }
        guard let reply = await lookup.plannedOutages(query) else { return .failure(.plannedOutagesUnavailable) }
        guard reply.known else { return .failure(.customerCodeUnknown) }
        return .success(reply.plannedOutages)
    }

    private func query(communeCode: String?, customerCode: String?, from: String?, to: String?) throws(ValidationFailure)
        -> PlannedOutagesQuery {
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
        return try validation.finish {
            PlannedOutagesQuery(communeCode: commune, customerCode: customer?.description,
                                from: first.start(), to: last.adding(days: 1).start())
        }
    }
}
