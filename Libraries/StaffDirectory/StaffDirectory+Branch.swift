import StaffAuth

extension StaffDirectory {
    /// The people of `unit` (a branch code, or `CORP`) who hold at least one of `roles`, with
    /// those of their roles only, as the directory has them now, sorted by `uid`: for instance
    /// a branch's customer-service officers and its head, whom crm e-mails their tickets'
    /// deadlines.
    ///
    /// Two searches with the platform's account: the people whose `departmentNumber` is the
    /// unit, and the role groups' members; a person is listed when a group of one of `roles`
    /// names their entry. Nobody's password is checked.
    ///
    /// - Throws: ``StaffDirectoryError/unavailable(reason:)`` when the directory cannot be
    ///   asked: never an empty list in its place, which would read as "nobody to tell".
    public func people(of unit: String, holding roles: Set<StaffRole>) async throws(StaffDirectoryError) -> [DirectoryPerson] {
        guard !unit.isEmpty, !roles.isEmpty else { return [] }
        return try await onPool { settings throws(StaffDirectoryError) in
            try Self.people(of: unit, holding: roles, settings: settings)
        }
    }

    /// ``people(of:holding:)``, blocking.
    private static func people(of unit: String, holding roles: Set<StaffRole>, settings: StaffDirectorySettings)
        throws(StaffDirectoryError) -> [DirectoryPerson] {
        let connection = try asking { () throws(LDAPResult) in
            try LDAPConnection(url: settings.url, caFile: settings.caFile, timeout: settings.timeout)
        }
        try asking { () throws(LDAPResult) in try connection.bind(dn: settings.bindDN, password: settings.bindPassword) }
        let groupFilter = roles.map { "(cn=\(LDAPFilterValue($0.rawValue)))" }.sorted().joined()
        let groups = try asking { () throws(LDAPResult) in
            try connection.search(base: settings.searchBase, filter: "(&(objectClass=groupOfNames)(|\(groupFilter)))",
                                  attributes: ["cn", "member"])
        }
        // DNs compared without case, as the directory compares them.
        var rolesByMember: [String: Set<StaffRole>] = [:]
        for group in groups {
            let groupRoles = Set(group.all("cn").compactMap(StaffRole.init(rawValue:))).intersection(roles)
            for member in group.all("member") {
                rolesByMember[member.lowercased(), default: []].formUnion(groupRoles)
            }
        }
        let people = try asking { () throws(LDAPResult) in
            try connection.search(base: settings.searchBase,
                                  filter: "(&(objectClass=inetOrgPerson)(\(unitAttribute)=\(LDAPFilterValue(unit))))",
                                  attributes: ["uid", "cn", "mail", unitAttribute])
        }
        return people.compactMap { entry -> DirectoryPerson? in
            guard let uid = entry.first("uid"), let held = rolesByMember[entry.dn.lowercased()], !held.isEmpty
            else { return nil }
            return DirectoryPerson(uid: uid, displayName: entry.first("cn") ?? uid, mail: entry.first("mail"),
                                   unit: unit, roles: held)
        }.sorted { $0.uid < $1.uid }
    }
}
