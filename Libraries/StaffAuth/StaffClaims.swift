import Foundation

/// Who a staff token speaks for: one person, the roles they hold, one unit.
///
/// The unit is a branch code (`PC05TK`): branch staff read and act on their branch's records
/// only. Corporation staff carry ``corporationUnit`` and may act on every unit's records. A
/// person may hold several roles (a branch's customer-service officer who also keeps its
/// meter stock): an endpoint serves them when it serves any one of them.
public struct StaffClaims: Sendable, Equatable {
    /// The unit of staff who work across the whole corporation.
    public static let corporationUnit = "CORP"

    /// The staff member's id, e.g. `tk-cs-014`; recorded on every step they take.
    public let staffId: String
    /// At least one role.
    public let roles: Set<StaffRole>
    /// A branch code, or ``corporationUnit``.
    public let unit: String
    public let expiresAt: Date

    public init(staffId: String, roles: Set<StaffRole>, unit: String, expiresAt: Date) {
        self.staffId = staffId
        self.roles = roles
        self.unit = unit
        self.expiresAt = expiresAt
    }

    /// Whether any of these staff's roles is one of `allowed`.
    public func holdsAny(of allowed: Set<StaffRole>) -> Bool {
        !roles.isDisjoint(with: allowed)
    }

    /// The one unit these staff are confined to; `nil` for corporation staff, who act for every unit.
    public var ownUnit: String? {
        unit == Self.corporationUnit ? nil : unit
    }

    /// Whether these staff may read and act on records owned by `unit`.
    public func mayAccess(unit owner: String) -> Bool {
        unit == Self.corporationUnit || unit == owner
    }
}
