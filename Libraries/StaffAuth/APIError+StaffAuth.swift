import ServiceKit

extension APIError {
    /// 401: no staff token, or one that is not genuine or has expired.
    public static let unauthenticated = APIError(
        status: .unauthorized, field: "Authorization", code: "auth.token_invalid",
        vi: "Cần mã truy cập của nhân viên còn hiệu lực (Authorization: Bearer …)",
        en: "A valid staff token is required (Authorization: Bearer …)")

    /// 403: the token is genuine but its role does not do this.
    public static let roleNotAllowed = APIError(
        status: .forbidden, field: "Authorization", code: "auth.role_not_allowed",
        vi: "Vai trò của bạn không được thực hiện thao tác này",
        en: "Your role may not do this")

    /// 403: the record belongs to another unit than the staff member's.
    public static let otherUnit = APIError(
        status: .forbidden, code: "auth.other_unit",
        vi: "Hồ sơ này thuộc đơn vị khác; bạn chỉ xem và xử lý hồ sơ của đơn vị mình",
        en: "This record belongs to another unit; you may only read and act on your own unit's records")
}

extension StaffClaims {
    /// Refuses (403, ``APIError/otherUnit``) unless these staff may act on `owner`'s records.
    public func requireAccess(unit owner: String) throws {
        guard mayAccess(unit: owner) else { throw APIError.otherUnit }
    }
}
