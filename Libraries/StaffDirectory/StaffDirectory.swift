import NIOPosix
import StaffAuth

/// The corporation's staff directory (OpenLDAP in development, the corporation's own LDAP
/// directory in production): who a member of staff is, checked with their own password.
///
/// The platform holds no staff passwords. A sign-in finds the person by `uid` with the
/// platform's read-only account, reads their unit and the role groups they are a member of, and
/// then binds as the person with the password they typed: only the directory decides whether it
/// is theirs. Each call has a connection of its own, made and closed on a thread of `threadPool`
/// (libldap blocks), so calls run side by side and a slow directory never holds up Swift's
/// cooperative threads.
public struct StaffDirectory: Sendable {
    /// The attribute a person's unit is read from.
    static let unitAttribute = "departmentNumber"

    private let settings: StaffDirectorySettings
    private let threadPool: NIOThreadPool

    public init(settings: StaffDirectorySettings, threadPool: NIOThreadPool = .singleton) {
        self.settings = settings
        self.threadPool = threadPool
    }

    /// The person whose directory account `username` is, if `password` is theirs.
    ///
    /// - Throws: ``StaffDirectoryError/wrongCredentials`` for an unknown username, a wrong
    ///   password or an empty one (refused before the directory is asked: an empty password
    ///   would be an unauthenticated bind, which succeeds for anyone);
    ///   ``StaffDirectoryError/unavailable(reason:)`` when the directory cannot be asked;
    ///   ``StaffDirectoryError/noUnit(uid:)`` when the password is right but the person has no unit.
    public func authenticate(username: String, password: String) async throws(StaffDirectoryError) -> DirectoryPerson {
        guard !username.isEmpty, !password.isEmpty else { throw .wrongCredentials }
        guard let person = try await onPool({ settings throws(StaffDirectoryError) in
            try Self.find(username, checking: password, settings: settings)
        }) else { throw .wrongCredentials }
        return person
    }

    /// The person with directory account `uid` as the directory has them now, without their
    /// password: for re-reading the unit and roles of someone signed in earlier (a person who
    /// left the corporation, or whose groups changed, is seen at once). Nil when there is no
    /// such person.
    ///
    /// - Throws: ``StaffDirectoryError/unavailable(reason:)`` when the directory cannot be asked;
    ///   ``StaffDirectoryError/noUnit(uid:)`` when the person has no unit.
    public func person(uid: String) async throws(StaffDirectoryError) -> DirectoryPerson? {
        guard !uid.isEmpty else { return nil }
        return try await onPool { settings throws(StaffDirectoryError) in
            try Self.find(uid, checking: nil, settings: settings)
        }
    }

    /// Runs blocking directory work on a thread of the pool.
    func onPool<Value: Sendable>(
        _ work: @escaping @Sendable (StaffDirectorySettings) throws(StaffDirectoryError) -> Value
    ) async throws(StaffDirectoryError) -> Value {
        let settings = settings
        let outcome: Result<Value, StaffDirectoryError>
        do {
            outcome = try await threadPool.runIfActive {
                Result { () throws(StaffDirectoryError) in try work(settings) }
            }
        } catch {
            throw .unavailable(reason: "the directory client's threads are not running: \(error)")
        }
        return try outcome.get()
    }

    /// The person whose `uid` is `username`, nil if nobody's is; with a `password`, only if it
    /// is theirs (else ``StaffDirectoryError/wrongCredentials``). Blocks.
    private static func find(_ username: String, checking password: String?, settings: StaffDirectorySettings)
        throws(StaffDirectoryError) -> DirectoryPerson? {
        let connection = try asking { () throws(LDAPResult) in
            try LDAPConnection(url: settings.url, caFile: settings.caFile, timeout: settings.timeout)
        }
        try asking { () throws(LDAPResult) in try connection.bind(dn: settings.bindDN, password: settings.bindPassword) }
        let found = try asking { () throws(LDAPResult) in
            try connection.search(base: settings.searchBase,
                                  filter: "(&(objectClass=inetOrgPerson)(uid=\(LDAPFilterValue(username))))",
                                  attributes: ["uid", "cn", "mail", unitAttribute], limit: 2)
        }
        // Nobody, or a uid that is not one person's.
        guard found.count == 1, let entry = found.first else { return nil }
        let groups = try asking { () throws(LDAPResult) in
            try connection.search(base: settings.searchBase,
                                  filter: "(&(objectClass=groupOfNames)(member=\(LDAPFilterValue(entry.dn))))",
                                  attributes: ["cn"])
        }
        if let password {
            do {
                try connection.bind(dn: entry.dn, password: password)
            } catch {
                throw error.isWrongCredentials ? .wrongCredentials : .unavailable(reason: error.message)
            }
        }
        let uid = entry.first("uid") ?? username
        guard let unit = entry.first(unitAttribute), !unit.isEmpty else { throw .noUnit(uid: uid) }
        return DirectoryPerson(uid: uid, displayName: entry.first("cn") ?? uid, mail: entry.first("mail"), unit: unit,
                               roles: Set(groups.flatMap { $0.all("cn") }.compactMap(StaffRole.init(rawValue:))))
    }

    /// Runs one exchange with the directory in the platform's own name: any failure of it means
    /// the directory cannot be asked.
    static func asking<Value>(_ exchange: () throws(LDAPResult) -> Value) throws(StaffDirectoryError) -> Value {
        do {
            return try exchange()
        } catch {
            throw .unavailable(reason: error.message)
        }
    }
}
