import CLDAP
import Foundation

/// One connection to an LDAP server through OpenLDAP's libldap, used by one thread at a time.
///
/// No Swift LDAP client exists among this platform's packages, and LDAP's wire format (BER) and
/// its TLS and referral rules are too easy to get subtly wrong to write again; libldap is the
/// reference client every Linux distribution ships, wrapped here as `Libraries/CRabbitMQ` wraps
/// librabbitmq. Its calls block: ``StaffDirectory`` runs them on a thread pool, never on
/// Swift's cooperative threads. The connection is opened lazily by the first operation and
/// closed when the value is released.
final class LDAPConnection {
    private let handle: OpaquePointer

    /// Prepares a connection to `url` (`ldap://` or `ldaps://`); every operation, connecting
    /// included, gives up after `timeout`. For `ldaps://` the server's certificate must chain to
    /// `caFile` (the system's CAs when nil) and name the URL's host.
    init(url: String, caFile: String?, timeout: Duration) throws(LDAPResult) {
        var handle: OpaquePointer?
        let status = ldap_initialize(&handle, url)
        guard status == LDAP_SUCCESS, let handle else { throw LDAPResult(code: status, handle: nil) }
        self.handle = handle

        var version = LDAP_VERSION3
        var limit = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        var demand = LDAP_OPT_X_TLS_DEMAND
        var newContext: Int32 = 0
        try set(LDAP_OPT_PROTOCOL_VERSION, &version)
        // Referrals would carry the platform's credentials to servers nobody configured.
        try set(LDAP_OPT_REFERRALS, nil)
        try set(LDAP_OPT_NETWORK_TIMEOUT, &limit)
        try set(LDAP_OPT_TIMEOUT, &limit)
        try set(LDAP_OPT_X_TLS_REQUIRE_CERT, &demand)
        if let caFile {
            try set(LDAP_OPT_X_TLS_CACERTFILE, caFile)
        }
        // The TLS settings above apply to this handle only once it has a context of its own.
        try set(LDAP_OPT_X_TLS_NEWCTX, &newContext)
    }

    deinit {
        ldap_unbind_ext_s(handle, nil, nil)
    }

    private func set(_ option: Int32, _ value: UnsafeRawPointer?) throws(LDAPResult) {
        let status = ldap_set_option(handle, option, value)
        guard status == LDAP_OPT_SUCCESS else { throw LDAPResult(code: status, handle: handle) }
    }

    /// A simple bind: the connection speaks as `dn` from now on if `password` is theirs.
    ///
    /// An empty password is refused here as a wrong one, without asking the server: sent, it
    /// would be an unauthenticated bind, which servers accept for any DN (RFC 4513, 5.1.2).
    func bind(dn: String, password: String) throws(LDAPResult) {
        guard !password.isEmpty else { throw LDAPResult(code: LDAP_INVALID_CREDENTIALS, handle: nil) }
        var secret = password.utf8.map { CChar(bitPattern: $0) }
        let status = secret.withUnsafeMutableBufferPointer { bytes in
            var credentials = berval(bv_len: ber_len_t(bytes.count), bv_val: bytes.baseAddress)
            return ldap_sasl_bind_s(handle, dn, nil, &credentials, nil, nil, nil)
        }
        guard status == LDAP_SUCCESS else { throw LDAPResult(code: status, handle: handle) }
    }

    /// The entries under `base` (the whole subtree) that match `filter`, with `attributes`;
    /// at most `limit` of them (0: as many as the server allows).
    func search(base: String, filter: String, attributes: [String], limit: Int32 = 0) throws(LDAPResult) -> [LDAPEntry] {
        var names: [UnsafeMutablePointer<CChar>?] = attributes.map { strdup($0) } + [nil]
        defer { names.forEach { free($0) } }
        var result: OpaquePointer?
        let status = names.withUnsafeMutableBufferPointer { names in
            ldap_search_ext_s(handle, base, cldap_scope_subtree, filter, names.baseAddress, 0, nil, nil, nil, limit, &result)
        }
        defer { ldap_msgfree(result) }
        // A size limit reached still returns the entries found so far.
        guard status == LDAP_SUCCESS || status == LDAP_SIZELIMIT_EXCEEDED else {
            throw LDAPResult(code: status, handle: handle)
        }
        var entries: [LDAPEntry] = []
        var entry = ldap_first_entry(handle, result)
        while let current = entry {
            entries.append(read(current, attributes: attributes))
            entry = ldap_next_entry(handle, current)
        }
        return entries
    }

    private func read(_ entry: OpaquePointer, attributes: [String]) -> LDAPEntry {
        var dn = ""
        if let raw = ldap_get_dn(handle, entry) {
            dn = String(cString: raw)
            ldap_memfree(raw)
        }
        var values: [String: [String]] = [:]
        for attribute in attributes {
            guard let list = ldap_get_values_len(handle, entry, attribute) else { continue }
            defer { ldap_value_free_len(list) }
            var texts: [String] = []
            var index = 0
            while let value = list[index] {
                let bytes = UnsafeRawBufferPointer(start: value.pointee.bv_val, count: Int(value.pointee.bv_len))
                texts.append(String(decoding: bytes, as: UTF8.self))
                index += 1
            }
            values[attribute] = texts
        }
        return LDAPEntry(dn: dn, attributes: values)
    }
}
