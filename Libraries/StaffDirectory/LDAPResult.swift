import CLDAP

/// A libldap call that did not succeed: its result code and libldap's words for it.
struct LDAPResult: Error {
    let code: Int32
    let message: String

    init(code: Int32, handle: OpaquePointer?) {
        self.code = code
        var diagnostic: UnsafeMutablePointer<CChar>?
        if let handle, ldap_get_option(handle, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic) == LDAP_OPT_SUCCESS,
           let diagnostic {
            defer { ldap_memfree(diagnostic) }
            let detail = String(cString: diagnostic)
            message = detail.isEmpty ? String(cString: ldap_err2string(code)) : "\(String(cString: ldap_err2string(code))): \(detail)"
        } else {
            message = String(cString: ldap_err2string(code))
        }
    }

    /// The password (or the DN) of a simple bind was refused.
    var isWrongCredentials: Bool { code == LDAP_INVALID_CREDENTIALS }
}
