import Contracts
import Foundation
import ServiceAreas
import VietnameseIdentity

/// Checks a planned outage against the service areas and Circular 22/2020/TT-BCT.
///
/// Customers must hear of a planned outage at least ``minimumNoticeDays`` days before it starts,
/// with its place, reason, start and expected restoration. A shorter notice is allowed only when
/// dispatch marks it urgent and says why (a failing transformer cannot wait five days); the
/// reason is kept and shown to customers with the schedule.
struct PlannedOutageRules: Sendable {
    static let minimumNoticeDays = 5
    static let longest: TimeInterval = 24 * 3600
    static let maximumCommunes = 50
    /// Place, reason and cause go into customers' SMS: at most 80 characters each keeps a notice in two segments.
    static let longestCustomerText = 80

    /// A planned outage that passed every rule.
    struct Checked: Sendable {
        var branch: Branch
        var communeCodes: [String]
        var location: String
        var reason: String
        var startsAt: Date
        var endsAt: Date
        var urgentReason: String?
    }

    let areas: ServiceAreaTable

    /// - Parameters:
    ///   - unit: the branch the staff member acts for (`nil` for corporation staff, who must name one).
    ///   - previousStart: a change's current start: the notice rule applies only when the start moves.
    func check(
        _ form: PlannedOutageForm, unit: String?, previousStart: Date? = nil, now: Date
    ) throws(ValidationFailure) -> Checked {
        var validation = Validation()
        let branch = validation.required("branchCode", unit ?? form.branchCode) { (code: String) throws(OutageProblem) in
            let code = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard let branch = areas.branch(code: code) else { throw .unknownBranch(code: code) }
            return branch
        }
        var communes: [String] = []
        let listed = form.communeCodes ?? []
        if !(1...Self.maximumCommunes).contains(listed.count) {
            validation.add(OutageProblem.communeCount(maximum: Self.maximumCommunes), at: "communeCodes")
        }
        for (index, code) in listed.enumerated() {
            let code = code.trimmingCharacters(in: .whitespaces)
            if let branch, areas.area(communeCode: code)?.branch.code != branch.code {
                validation.add(OutageProblem.communeNotOfBranch(code: code, branch: branch.code), at: "communeCodes[\(index)]")
            } else if !communes.contains(code) {
                communes.append(code)
            }
        }
        let location = validation.required("location", form.location) { (text: String) throws(OutageProblem) in
            try Self.text(text, minimum: 3, maximum: Self.longestCustomerText)
        }
        let reason = validation.required("reason", form.reason) { (text: String) throws(OutageProblem) in
            try Self.text(text, minimum: 3, maximum: Self.longestCustomerText)
        }
        let startsAt = validation.required("startsAt", form.startsAt, Self.instant)
        let endsAt = validation.required("endsAt", form.endsAt, Self.instant)
        let urgentReason = validation.optional("urgentReason", form.urgentReason) { (text: String) throws(OutageProblem) in
            try Self.text(text, minimum: 10, maximum: 500)
        }
        if let startsAt {
            let moved = previousStart.map { $0 != startsAt } ?? true
            if moved, startsAt <= now {
                validation.add(OutageProblem.startsInPast, at: "startsAt")
            } else if moved, startsAt < now.addingTimeInterval(Double(Self.minimumNoticeDays) * 86_400),
                      urgentReason == nil, form.urgentReason == nil {
                validation.add(OutageProblem.noticeTooShort(days: Self.minimumNoticeDays), at: "urgentReason")
            }
            if let endsAt, endsAt <= startsAt {
                validation.add(OutageProblem.endNotAfterStart, at: "endsAt")
            } else if let endsAt, endsAt.timeIntervalSince(startsAt) > Self.longest {
                validation.add(OutageProblem.tooLong(maximumHours: Int(Self.longest / 3600)), at: "endsAt")
            }
        }
        try validation.finish()
        return Checked(branch: branch!, communeCodes: communes, location: location!, reason: reason!,
                       startsAt: startsAt!, endsAt: endsAt!, urgentReason: urgentReason)
    }

    /// Free text (``FreeText``) within bounds.
    static func text(_ input: String, minimum: Int, maximum: Int) throws(OutageProblem) -> String {
        let text = FreeText.tidied(input)
        guard (minimum...maximum).contains(text.count), !FreeText.containsControlCharacters(text) else {
            throw .textLength(minimum: minimum, maximum: maximum)
        }
        return text
    }

    /// An ISO-8601 instant with its offset, to the second.
    static func instant(_ text: String) throws(OutageProblem) -> Date {
        guard let date = try? Date(text.trimmingCharacters(in: .whitespaces), strategy: .iso8601) else {
            throw .instantFormat
        }
        return date.wholeSeconds
    }
}
