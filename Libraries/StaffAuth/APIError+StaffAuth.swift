import Foundation
import ServiceKit

extension APIError {
    /// 401: no staff token, or one that is not genuine or has expired.
    public static let unauthenticated = APIError(
        status: .unauthorized, field: "Authorization", code: "auth.token_invalid",
        vi: "Cần mã truy cập của nhân viên còn hiệu lực (Authorization: Bearer …)",
        en: "A valid staff token is required (Authorization: Bearer …)")

    /// 403: the token is genuine but none of its roles does `duty`; the message names the roles that do.
    public static func roleNotAllowed(needing duty: StaffDuty) -> APIError {
        let roles = duty.roles.map(\.rawValue).sorted().joined(separator: ", ")
        return APIError(status: .forbidden, field: "Authorization", code: "auth.role_not_allowed",
                        vi: "Vai trò của bạn không được thực hiện thao tác này; cần một trong các vai trò: \(roles)",
                        en: "Your role may not do this; it takes one of the roles: \(roles)")
    }

    /// 403: the record belongs to another unit than the staff member's.
    public static let otherUnit = APIError(
        status: .forbidden, code: "auth.other_unit",
        vi: "Hồ sơ này thuộc đơn vị khác; bạn chỉ xem và xử lý hồ sơ của đơn vị mình",
        en: "This record belongs to another unit; you may only read and act on your own unit's records")

    /// 403: branch staff named another unit than their own in `field` of the request body.
    public static func namedOtherUnit(field: String) -> APIError {
        APIError(status: .forbidden, field: field, code: "auth.other_unit_named",
                 vi: "Bạn chỉ được thao tác cho đơn vị của mình, không được ghi đơn vị khác",
                 en: "You may only act for your own unit, not name another one")
    }
}

extension StaffClaims {
    /// Refuses (403, ``APIError/otherUnit``) unless these staff may act on `owner`'s records.
    public func requireAccess(unit owner: String) throws {
        guard mayAccess(unit: owner) else { throw APIError.otherUnit }
    }

    /// The unit a request acts for, when its body may name one in `field` (a new record's
    /// `branchCode` or `unit`).
    ///
    /// Branch staff act for their own unit: the body may leave it out or name it again, but
    /// naming another is refused. Corporation staff act for any unit, so the body must name
    /// it: they get `nil`, and the endpoint's validation requires `field` and checks its form
    /// along with every other field.
    ///
    /// - Parameter named: the unit the body names, compared trimmed and upper-cased.
    /// - Returns: the branch staff's own unit, or `nil` for corporation staff.
    /// - Throws: ``APIError/namedOtherUnit(field:)`` (403) when branch staff name another unit.
    public func actingUnit(named: String?, field: String) throws -> String? {
        guard let ownUnit else { return nil }
        let named = named?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
        guard named.isEmpty || named == ownUnit else { throw APIError.namedOtherUnit(field: field) }
        return ownUnit
    }
}
