/// Why a sign-in against the directory gave no person.
public enum StaffDirectoryError: Error, Equatable, CustomStringConvertible {
    /// The username or the password is wrong, or one of them is empty. Deliberately one case for
    /// all of these, so that nobody learns from the answer whether an account exists.
    case wrongCredentials
    /// The directory could not be asked: unreachable, too slow, refusing the platform's own
    /// account, or its certificate failed the check. The reason is for operators' logs.
    case unavailable(reason: String)
    /// The password is right but the person's entry names no unit (`departmentNumber`), so the
    /// platform cannot tell whose records they may see.
    case noUnit(uid: String)

    public var description: String {
        switch self {
        case .wrongCredentials: "wrong username or password"
        case .unavailable(let reason): "staff directory unavailable: \(reason)"
        case .noUnit(let uid): "\(uid) has no unit (departmentNumber) in the staff directory"
        }
    }
}
