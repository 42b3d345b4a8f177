import ServiceKit

extension APIError {
    /// The staff directory does not answer, so the person a branch head names cannot be checked
    /// (``StaffDirectory/requireMember(_:of:holding:refusing:)``).
    public static let directoryUnavailable = APIError(
        status: .serviceUnavailable, code: "directory.unavailable",
        vi: "Chưa kiểm tra được nhân viên vì danh bạ nhân viên không phản hồi; vui lòng thử lại sau ít phút",
        en: "The person named cannot be checked because the staff directory is not answering; please try again in a few minutes")
}

extension StaffDirectoryError {
    /// What the person signing in is told, in Vietnamese and English.
    ///
    /// A wrong password and an unknown username read the same, so the answer never tells
    /// whether an account exists; an unavailable directory does not show its technical reason,
    /// which is for the operators' logs (``description``).
    public var apiError: APIError {
        switch self {
        case .wrongCredentials:
            APIError(status: .unauthorized, code: "auth.wrong_credentials",
                     vi: "Tên đăng nhập hoặc mật khẩu không đúng",
                     en: "Wrong username or password")
        case .unavailable:
            APIError(status: .serviceUnavailable, code: "auth.directory_unavailable",
                     vi: "Chưa kiểm tra được tài khoản vì danh bạ nhân viên không phản hồi; vui lòng thử lại sau ít phút",
                     en: "Your account cannot be checked because the staff directory is not answering; please try again in a few minutes")
        case .noUnit:
            APIError(status: .forbidden, code: "auth.no_unit",
                     vi: "Tài khoản của bạn chưa được gán đơn vị trong danh bạ nhân viên; hãy liên hệ bộ phận quản trị",
                     en: "Your account has no unit in the staff directory yet; please contact your administrators")
        }
    }
}
