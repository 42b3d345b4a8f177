import Foundation
import ServiceKit

/// A new signing key written out for operators: the private key for the issuer alone, and the
/// public key set every service mounts.
///
/// The set can carry the keys of an earlier set along (`keeping`), which is how a key is rotated
/// without refusing a valid token: publish old + new, let every service pick the set up, switch
/// the issuer to the new key, and drop the old key once its last token has expired
/// (`docs/operations.md`).
public struct StaffTokenKeyFiles {
    /// The new key.
    public let signingKey: StaffTokenSigningKey
    /// The public keys to publish: the new key first, then the kept ones.
    public let keySet: StaffTokenKeySet

    /// A new key under `id`, with the public keys of `keeping` after it.
    ///
    /// - Throws: ``StaffTokenKeySet/Invalid`` when `keeping` already has a key `id`.
    public init(id: String, keeping: StaffTokenKeySet?) throws {
        signingKey = .generate(id: id)
        keySet = try StaffTokenKeySet(keys: [signingKey.publicKey] + (keeping?.keys ?? []))
    }

    /// Writes the private key (readable by its owner only) to `privateKeyPath` and the set to `keySetPath`.
    ///
    /// The private key file must not exist yet: overwriting a key in use would lock every staff
    /// member out until the set is published again.
    public func write(privateKeyPath: String, keySetPath: String) throws {
        let files = FileManager.default
        guard !files.fileExists(atPath: privateKeyPath) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: privateKeyPath])
        }
        guard files.createFile(atPath: privateKeyPath, contents: Data(signingKey.pemRepresentation.utf8),
                               attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: privateKeyPath])
        }
        try keySet.json.write(to: URL(fileURLWithPath: keySetPath), options: .atomic)
    }
}
