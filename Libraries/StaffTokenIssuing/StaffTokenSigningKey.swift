import Foundation
import JWTKit
import ServiceKit

/// The issuer's private ES256 key and the id (`kid`) its tokens name, so the services can pick
/// its public half out of their key set.
public struct StaffTokenSigningKey: Sendable {
    /// The key id, written into every token's header and into the public key set.
    public let id: String
    let privateKey: ES256PrivateKey

    /// The key in `pem` (PKCS#8 or SEC1 PEM, as `evnctl staff-token-keys` writes it) under `id`.
    public init(id: String, pem: String) throws {
        self.id = id
        privateKey = try ES256PrivateKey(pem: pem)
    }

    /// A new random key under `id`.
    public static func generate(id: String) -> StaffTokenSigningKey {
        StaffTokenSigningKey(id: id, privateKey: ES256PrivateKey())
    }

    private init(id: String, privateKey: ES256PrivateKey) {
        self.id = id
        self.privateKey = privateKey
    }

    /// The private key as PEM, for the issuer's secret store only.
    public var pemRepresentation: String {
        privateKey.pemRepresentation
    }

    /// The public half, as the services are given it.
    public var publicKey: StaffTokenKeySet.Key {
        guard let parameters = privateKey.parameters else {
            preconditionFailure("a P-256 private key always has a public point")
        }
        return StaffTokenKeySet.Key(kid: id, x: parameters.x, y: parameters.y)
    }
}

extension StaffTokenSigningKey {
    /// DEVELOPMENT ONLY: the private half of ``StaffTokenKeySet/development``. It is in this
    /// repository, so every token it signs is public knowledge: only services running with
    /// `EVN_ENV=development` accept it, and `evnctl staff-token` uses it only there.
    public static let development: StaffTokenSigningKey = {
        do {
            return try StaffTokenSigningKey(id: "development-only", pem: """
                -----BEGIN PRIVATE KEY-----
                MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsQFDe2c1QlEDvKPs
                qHDXSsYLRryBZy4/70RBUE5+l6KhRANCAAQm4AWszqKm5NsbvOu1fr0m19lbqrhw
                yG8hQrILXduxpnVslIU7KJhIuolz5jb94KOQUIT2qrSAHR7swKfw6XbH
                -----END PRIVATE KEY-----
                """)
        } catch {
            preconditionFailure("the development signing key is a valid PEM key: \(error)")
        }
    }()
}
