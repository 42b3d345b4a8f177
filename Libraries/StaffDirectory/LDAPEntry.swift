import Foundation

/// One entry a search found: its DN and the values of the attributes that were asked for.
struct LDAPEntry: Sendable {
    let dn: String
    let attributes: [String: [String]]

    /// Every value of `attribute` (names compared without case, as LDAP does).
    func all(_ attribute: String) -> [String] {
        attributes.first { $0.key.caseInsensitiveCompare(attribute) == .orderedSame }?.value ?? []
    }

    /// The first value of `attribute`, if any.
    func first(_ attribute: String) -> String? {
        all(attribute).first
    }
}
