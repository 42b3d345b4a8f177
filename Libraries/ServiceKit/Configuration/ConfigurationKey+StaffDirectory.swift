/// The staff directory that staff sign in against.
extension ConfigurationKey {
    /// The corporation's staff directory, which staff sign in against.
    public static let staffDirectoryURL = ConfigurationKey(
        name: "STAFF_DIRECTORY_URL",
        defaultValue: .fixed("ldap://127.0.0.1:3389"),
        description: "The staff directory staff sign in against (its people `inetOrgPerson`, its role groups `groupOfNames`): `ldap://host:port` or, in production, `ldaps://host:port`. The default is the development directory of `scripts/directory.sh`. Read by the staff sign-in (`signin`, through `Libraries/StaffDirectory`), by crm, which checks there that the officer a branch head assigns a ticket to is a customer-service officer of the ticket's branch, and by metering, which checks likewise that the technician a branch head gives a work order or meter visit to is a field technician of its branch (and lists the branch's technicians on its dispatch page); not by the other services."
    )

    /// The CAs an `ldaps://` directory's certificate must chain to.
    public static let staffDirectoryCAFile = ConfigurationKey(
        name: "STAFF_DIRECTORY_CA_FILE",
        defaultValue: .fixed(""),
        description: "With an `ldaps://` `STAFF_DIRECTORY_URL`: the PEM file of the CAs the directory's certificate must chain to; unset, the system's CAs. The certificate must also name the URL's host; a directory that fails either check is unavailable."
    )

    /// The read-only account the platform searches the directory with.
    public static let staffDirectoryBindDN = ConfigurationKey(
        name: "STAFF_DIRECTORY_BIND_DN",
        defaultValue: .fixed("cn=platform,ou=services,dc=evn,dc=vn"),
        description: "DN of the read-only account that finds a person by `uid` and their groups before their own password is checked; it needs read access to people (`uid`, `cn`, `mail`, `departmentNumber`) and groups (`cn`, `member`) under `STAFF_DIRECTORY_SEARCH_BASE`, never to passwords."
    )

    /// That account's password.
    public static let staffDirectoryBindPassword = ConfigurationKey(
        name: "STAFF_DIRECTORY_BIND_PASSWORD",
        defaultValue: .fixed("evn-dev-directory-reader"),
        description: "Secret. The password of `STAFF_DIRECTORY_BIND_DN`. The default is public and refused unless `EVN_ENV` is `development`; otherwise 12 characters or more."
    )

    /// Where people and their role groups are searched.
    public static let staffDirectorySearchBase = ConfigurationKey(
        name: "STAFF_DIRECTORY_SEARCH_BASE",
        defaultValue: .fixed("dc=evn,dc=vn"),
        description: "DN under which people (`inetOrgPerson`, signing in with their `uid`, their unit in `departmentNumber`) and role groups (`groupOfNames` named after the roles, e.g. `customer_service`, `branch_head`) are searched, the whole subtree."
    )

    /// How long one directory operation may take.
    public static let staffDirectoryTimeoutSeconds = ConfigurationKey(
        name: "STAFF_DIRECTORY_TIMEOUT_SECONDS",
        defaultValue: .fixed("5"),
        description: "Seconds, 1 to 60, that connecting to the directory and each search or password check may take before the directory counts as unavailable."
    )
}
