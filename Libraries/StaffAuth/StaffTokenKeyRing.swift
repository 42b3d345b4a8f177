import Foundation
import JWTKit
import Logging
import ServiceKit

/// The issuer's public keys as a service trusts them now.
///
/// They come from a file, not from a URL of the issuer's: a service then starts and checks
/// tokens while the issuer is away, and makes no outbound call that a spoofed or slow endpoint
/// could turn against it.
///
/// The key set file is re-read at most once per ``refreshInterval`` (on the first token checked
/// after it has passed), so an operator who publishes a new key or withdraws an old one reaches
/// every instance within that time and without a restart. A file that no longer reads, or reads
/// as a set the service would not start on, changes nothing: the last good set stays, and an
/// `error` line says why.
actor StaffTokenKeyRing {
    /// How often the file is looked at again; 30 seconds by default (`docs/operations.md`).
    let refreshInterval: TimeInterval
    private let file: String?
    private let deployment: DeploymentEnvironment
    private let logger: Logger
    private var keys: StaffTokenKeySet
    private var trusted: [String: JWTKeyCollection] = [:]
    /// Payloads of tokens whose signatures one of ``trusted`` has checked, by the whole token.
    ///
    /// A staff member's pages and calls carry one token for its whole life, and the ES256 check
    /// was the costliest step of every staff call. A token is its own key here, so a token that
    /// differs by one byte is checked afresh; the cache is emptied with ``trusted`` whenever
    /// the key set changes, so a withdrawn key's tokens are refused at once.
    private var checked: [String: StaffTokenPayload] = [:]
    /// The most tokens ``checked`` holds: a day's staff of a large corporation; when full it is
    /// emptied and refilled, as tokens are met again.
    static let checkedLimit = 4096
    private var checkedAt: Date

    init(keys: StaffTokenKeySet, file: String?, deployment: DeploymentEnvironment, refreshInterval: TimeInterval,
         logger: Logger, now: Date) {
        self.keys = keys
        self.file = file
        self.deployment = deployment
        self.refreshInterval = refreshInterval
        self.logger = logger
        checkedAt = now
    }

    /// The keys that check tokens signed with `kid`, or nil when the set does not list it.
    ///
    /// Each key gets a collection of its own, so JWTKit can never fall back to another key than
    /// the one the token names.
    func verifier(for kid: String, at now: Date) async -> JWTKeyCollection? {
        refreshIfDue(at: now)
        if let collection = trusted[kid] { return collection }
        guard let key = keys.keys.first(where: { $0.kid == kid }),
              let publicKey = try? ES256PublicKey(parameters: (x: key.x, y: key.y)) else { return nil }
        let collection = await JWTKeyCollection().add(ecdsa: publicKey, kid: JWKIdentifier(string: kid))
        trusted[kid] = collection
        return collection
    }

    /// The payload of `token` when its header and signature were checked before under the key
    /// set trusted at `now` (re-read first when due).
    func checkedPayload(of token: String, at now: Date) -> StaffTokenPayload? {
        refreshIfDue(at: now)
        return checked[token]
    }

    /// Remembers that `token`'s signature checked out with `keys` (from ``verifier(for:at:)``
    /// for `kid`), giving `payload`; forgets it instead when `keys` are no longer the ones the
    /// ring trusts for `kid`: the key set was reloaded while the signature was being checked,
    /// and a token checked with a withdrawn or replaced key must not outlive it in the cache.
    func remember(_ payload: StaffTokenPayload, of token: String, checkedWith keys: JWTKeyCollection, kid: String) {
        guard trusted[kid] === keys else { return }
        if checked.count >= Self.checkedLimit { checked.removeAll(keepingCapacity: true) }
        checked[token] = payload
    }

    private func refreshIfDue(at now: Date) {
        guard let file, now.timeIntervalSince(checkedAt) >= refreshInterval else { return }
        checkedAt = now
        do {
            let read = try StaffTokenKeySet.configured(file: file, in: deployment)
            guard read != keys else { return }
            keys = read
            trusted = [:]
            checked = [:]
            logger.notice("staff token keys reloaded", metadata: ["kids": "\(read.keys.map(\.kid).joined(separator: ","))"])
        } catch {
            logger.error("staff token keys not reloaded; the last good set stays", metadata: ["reason": "\(error)"])
        }
    }
}
