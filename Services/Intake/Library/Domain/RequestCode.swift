import Foundation
import WorkingCalendar

/// The code a customer tracks a request by, and the `correlation_id` of its whole flow.
///
/// Form: `<branch code>-<yyMMdd>-<NNNNNN>`, e.g. `PC05TK-251124-000123`: the branch that owns
/// the request, the day it was filed in Vietnam's time zone, and that branch's sequence
/// number for the day. Staff read the branch and the age at a glance, a customer can dictate
/// it over the phone, and it reveals nothing about the customer.
public struct RequestCode: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// - Parameters:
    ///   - branchCode: the branch that owns the request.
    ///   - day: the filing day, as ``day(of:)`` gives it.
    ///   - sequence: the branch's number for the day, from 1.
    public init(branchCode: String, day: String, sequence: Int) {
        let number = String(sequence)
        value = "\(branchCode)-\(day)-\(String(repeating: "0", count: max(0, 6 - number.count)))\(number)"
    }

    public var description: String { value }

    /// The filing day as `yyMMdd` in Vietnam's time zone, so a day's numbering restarts at midnight in Hà Nội.
    /// Cut from the day's `YYYY-MM-DD` rather than formatted with `String(format:)`, which costs
    /// every filing several microseconds of Foundation's format parsing.
    public static func day(of date: Date) -> String {
        let digits = Array(CalendarDay(date).description.utf8)  // YYYY-MM-DD
        return String(decoding: [digits[2], digits[3], digits[5], digits[6], digits[8], digits[9]], as: UTF8.self)
    }
}
