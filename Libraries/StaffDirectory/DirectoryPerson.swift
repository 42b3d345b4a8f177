import StaffAuth

/// A member of staff as the directory knows them, once their own password has been accepted.
///
/// Everything here comes from the directory at sign-in and nothing of it is kept by the
/// directory client: the platform's record of who did what names ``uid``.
public struct DirectoryPerson: Sendable, Equatable {
    /// What they sign in with and are recorded under, e.g. `tk-cs-01`.
    public let uid: String
    /// Their name as the consoles show it (`cn`).
    public let displayName: String
    /// Their work address (`mail`), if the directory has one.
    public let mail: String?
    /// A branch code (`PC05TK`) or ``StaffClaims/corporationUnit`` (`departmentNumber`).
    public let unit: String
    /// The roles of the role groups they are a member of; groups that name no role are ignored.
    public let roles: Set<StaffRole>

    public init(uid: String, displayName: String, mail: String?, unit: String, roles: Set<StaffRole>) {
        self.uid = uid
        self.displayName = displayName
        self.mail = mail
        self.unit = unit
        self.roles = roles
    }
}
