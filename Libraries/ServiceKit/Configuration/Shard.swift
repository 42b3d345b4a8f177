import Messaging

/// One shard of a service split by provincial power company: its name, and the branches whose
/// messages and records it owns (`SHARD`, `SHARD_BRANCHES`; see `docs/scaling.md`).
///
/// A shard has its own queues (`<service>.<shard>.inbox`, `.dead`) and its own store
/// (`<service>-<shard>.sqlite`); it handles the messages whose owner key (a request code or
/// customer code, which start with the branch code) starts with one of its prefixes.
public struct Shard: Sendable, Equatable {
    /// Lower-case letters and digits, e.g. `pc05`.
    public let name: String
    /// Branch codes or their prefixes, e.g. `PC05` (every branch of PC Quảng Nam) or `PC05TK`.
    public let branchPrefixes: [String]

    /// The shard of `name` over `branches` (comma-separated); nil when either is malformed.
    public init?(name: String, branches: String) {
        let prefixes = branches.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...16).contains(name.count),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }),
              !prefixes.isEmpty,
              prefixes.allSatisfy({ prefix in
                  (2...16).contains(prefix.count)
                      && prefix.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
              })
        else { return nil }
        self.name = name
        branchPrefixes = prefixes
    }

    /// The provincial power companies of its branches, whose events its inbox binds
    /// (``CompanyRouting``): `PC05` for `PC05TK,PC05HA`. Nil when a prefix is shorter than a
    /// company code (`PC`): no company binding covers it, so the shard binds every company's.
    public var companies: Set<String>? {
        let companies = branchPrefixes.map { CompanyRouting.company(of: $0) }
        guard companies.allSatisfy({ $0 != nil }) else { return nil }
        return Set(companies.compactMap { $0 })
    }

    /// Whether the record or message of `key` (a request code, customer code or branch code) is this shard's.
    public func owns(_ key: String) -> Bool {
        branchPrefixes.contains { key.hasPrefix($0) }
    }
}
