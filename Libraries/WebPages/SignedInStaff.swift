import StaffAuth

/// The member of staff a staff page is shown to, and where they sign out: every staff page's
/// header names them and carries the sign-out button (``WebPages/render(_:title:for:language:context:status:refreshSeconds:cookies:staff:)``).
public struct SignedInStaff: Sendable {
    /// Who they are, from their staff token.
    public let claims: StaffClaims
    /// The sign-in's sign-out address, `<STAFF_SIGN_IN_URL>/dang-xuat`, which the button posts to.
    let signOutAction: String

    /// The layout's values: the staff id, unit, roles in `language`'s words, the sign-out address.
    func shown(in language: PageLanguage) -> [String: Any] {
        ["staffId": claims.staffId, "unit": claims.unit, "signOut": signOutAction,
         "roles": claims.roles.sorted { $0.rawValue < $1.rawValue }.map { $0.shown(in: language) }.joined(separator: ", ")]
    }
}
