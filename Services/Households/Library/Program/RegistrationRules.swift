import StaffAuth
import VietnameseIdentity
import WorkingCalendar

/// The rules a registration at the counter shares, whichever use case registers: the form
/// checked, the duplicate policy asked for, and the answer as the staff member may see it.
extension SubHouseholdValidator {
    /// `form` as a sub-household registered at the counter (residence details required), or
    /// the refusal naming every bad field.
    func checked(_ form: SubHouseholdForm, today: CalendarDay) throws(HouseholdsRefusal) -> SubHousehold {
        var validation = Validation()
        let sub = check(form, today: today, requireResidence: true, into: &validation)
        do {
            try validation.finish()
        } catch {
            throw .invalid(error)
        }
        return sub!
    }
}

extension DuplicatePolicy {
    /// Refuse duplicates, unless a supervisor overrides the check with a reason of 10 to 500 characters.
    init(override: OverrideForm?, by claims: StaffClaims) throws(HouseholdsRefusal) {
        guard let override else {
            self = .refuse
            return
        }
        guard claims.roles.contains(.householdsSupervisor) else { throw .overrideNotAllowed }
        do {
            let reason = try SubHouseholdValidator.text(override.reason ?? "", length: 10...500, problem: .invalidOverrideReason)
            self = .override(staffId: claims.staffId, reason: reason)
        } catch {
            throw .invalid(ValidationFailure(errors: [FieldError(field: "override.reason", problem: error)]))
        }
    }
}

extension DuplicateConflict {
    /// The conflict as `claims` may see it: other units' dossiers by unit only.
    func seen(by claims: StaffClaims) -> DuplicateConflict {
        DuplicateConflict(conflicts: conflicts.map { found in
            DuplicateCase(key: found.key, maskedKey: found.maskedKey, holdings: found.holdings.map { $0.seen(by: claims.ownUnit) })
        })
    }
}

extension HouseholdChange {
    /// A registration's answer as `claims` may see it.
    func registration(seenBy claims: StaffClaims) throws(HouseholdsRefusal) -> SubHouseholdRegistration {
        switch self {
        case .changed(_, let view): .registered(view)
        case .duplicates(let conflict): .duplicates(conflict.seen(by: claims))
        case .notFound: throw .subHouseholdNotFound
        case .notCurrent: throw .subHouseholdNotCurrent
        }
    }

    /// The household after a change that cannot meet a duplicate.
    func household() throws(HouseholdsRefusal) -> SubHouseholdView {
        switch self {
        case .changed(_, let view): view
        case .duplicates: throw .subHouseholdDuplicate
        case .notFound: throw .subHouseholdNotFound
        case .notCurrent: throw .subHouseholdNotCurrent
        }
    }
}
