import StaffAuth

/// Whose sign-in events a member of staff may read: corporation staff (unit `CORP`) every
/// unit's, a `branch_head` their own unit's, nobody else any.
///
/// Attempts on usernames the directory does not know carry no unit, so only corporation staff
/// see them.
enum AuditScope: Equatable {
    case everyUnit
    case unit(String)

    /// The scope of staff with `roles` in `unit`; nil when they may read no event.
    init?(roles: Set<StaffRole>, unit: String) {
        if unit == StaffClaims.corporationUnit {
            self = .everyUnit
        } else if roles.contains(.branchHead) {
            self = .unit(unit)
        } else {
            return nil
        }
    }

    /// The unit events are filtered by; nil for all of them.
    var filter: String? {
        switch self {
        case .everyUnit: nil
        case .unit(let unit): unit
        }
    }
}
