import Contracts
import Foundation
import ServiceAreas
import ServiceKit
import VietnameseIdentity
import WorkingCalendar

/// When a customer's meter is read, from metering: the meter, the reading route, its day of
/// the month and the next reading day from today (Vietnam). The API's look-up and the portal's alike.
struct MeterReadingSchedule: Sendable {
    /// What the customer is shown.
    struct Schedule: Encodable, Sendable {
        var customerCode: String
        var meterSerial: String
        var branch: Branch
        var route: String
        /// The day of the month the route is read, 1–28.
        var readingDay: Int
        /// The next day the route is read, today included.
        var nextReadingOn: String
    }

    let areas: ServiceAreaTable
    let lookup: ReadingScheduleLookup
    let clock: WallClock

    /// The one query parameter, as the look-up checks it and the API document shows it.
    var customerCodeParameter: FieldDeclaration<CustomerCode> {
        .required("customerCode", .servedCustomerCode(in: areas), "The customer code on the bill, e.g. PC05TK0012345.")
    }

    /// The schedule of `customerCode`.
    func schedule(customerCode: String?) async -> Result<Schedule, LookupRefusal> {
        var validation = Validation()
        let given = validation.check(customerCodeParameter, customerCode)
        let code: CustomerCode
        do throws(ValidationFailure) {
            code = try validation.finish { given }
        } catch {
            return .failure(.invalid(error.errors))
        }
        guard let answer = await lookup.schedule(customerCode: code.description) else {
            return .failure(.readingScheduleUnavailable)
        }
        guard case .schedule(let schedule) = answer,
              let branch = areas.branch(code: schedule.branchCode) ?? areas.branch(code: code.branchCode) else {
            return .failure(.customerCodeUnknown)
        }
        return .success(Schedule(
            customerCode: schedule.customerCode, meterSerial: schedule.meterSerial, branch: branch,
            route: schedule.route, readingDay: schedule.readingDay,
            nextReadingOn: Self.nextReading(day: schedule.readingDay, from: CalendarDay(clock.now())).description))
    }

    /// The first day on or after `today` that is the `day`-th of its month.
    static func nextReading(day: Int, from today: CalendarDay) -> CalendarDay {
        var candidate = today
        while candidate.day != day {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }
}
