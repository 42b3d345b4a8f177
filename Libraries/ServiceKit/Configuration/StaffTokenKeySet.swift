import Crypto
import Foundation

/// The public keys staff tokens are checked with: a JSON Web Key Set (RFC 7517) of ES256 keys,
/// each under its own key id (`kid`).
///
/// Only the issuer holds a private key; every service reads this set, so a service that is
/// broken into can check tokens but never sign one. Several keys may be listed at once: a new
/// key is published beside the old one before the issuer signs with it, and the old one is
/// removed once the last token it signed has expired, so a rotation never refuses a valid token.
///
/// A set that carries private key material (`d`, or a symmetric `k`) is refused, not read past:
/// a file that can sign tokens must never be mounted into a service.
public struct StaffTokenKeySet: Sendable, Equatable {
    /// One P-256 public key, its coordinates in base64url as the JWK carries them.
    public struct Key: Sendable, Equatable {
        public let kid: String
        public let x: String
        public let y: String

        public init(kid: String, x: String, y: String) {
            self.kid = kid
            self.x = x
            self.y = y
        }
    }

    /// Why a key set cannot be used, in words for the operator (never a key's value).
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The keys in the order the file lists them; their ids are unique.
    public let keys: [Key]

    /// A set of `keys`, each a valid P-256 point under an id of its own.
    public init(keys: [Key]) throws(Invalid) {
        guard !keys.isEmpty else { throw Invalid(description: "it lists no key") }
        guard Set(keys.map(\.kid)).count == keys.count else { throw Invalid(description: "two keys share a kid") }
        for key in keys {
            guard !key.kid.isEmpty, let x = Data(base64URL: key.x), let y = Data(base64URL: key.y),
                  (try? P256.Signing.PublicKey(rawRepresentation: x + y)) != nil else {
                throw Invalid(description: "key \"\(key.kid)\" is not a P-256 point")
            }
        }
        self.keys = keys
    }

    /// Reads a JWKS document: `{"keys": [{"kty": "EC", "crv": "P-256", "alg": "ES256", "kid": …, "x": …, "y": …}]}`.
    public init(json: Data) throws(Invalid) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: json)
        } catch {
            throw Invalid(description: "it is not a JSON Web Key Set ({\"keys\": [...]})")
        }
        var keys: [Key] = []
        for entry in document.keys {
            let name = entry.kid ?? "without a kid"
            guard entry.d == nil, entry.k == nil else {
                throw Invalid(description: "key \"\(name)\" is a private key; a service takes public keys only")
            }
            guard entry.kty == "EC", entry.crv == "P-256", entry.alg == nil || entry.alg == "ES256" else {
                throw Invalid(description: "key \"\(name)\" is not an ES256 (EC P-256) key")
            }
            guard let kid = entry.kid, let x = entry.x, let y = entry.y else {
                throw Invalid(description: "key \"\(name)\" lacks kid, x or y")
            }
            keys.append(Key(kid: kid, x: x, y: y))
        }
        try self.init(keys: keys)
    }

    /// The set as a JWKS document, as ``init(json:)`` reads it.
    public var json: Data {
        let document = Document(keys: keys.map {
            Entry(kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: $0.kid, x: $0.x, y: $0.y)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)) ?? Data()
    }

    /// Whether any key of the set is the development key, whose private half this repository ships.
    public var containsDevelopmentKey: Bool {
        keys.contains { key in Self.development.keys.contains { $0.x == key.x && $0.y == key.y } }
    }

    private struct Document: Codable {
        var keys: [Entry]
    }

    private struct Entry: Codable {
        var kty: String?
        var crv: String?
        var alg: String?
        var use: String?
        var kid: String?
        var x: String?
        var y: String?
        var d: String?
        var k: String?

        init(kty: String, crv: String, alg: String, use: String, kid: String, x: String, y: String) {
            (self.kty, self.crv, self.alg, self.use, self.kid, self.x, self.y) = (kty, crv, alg, use, kid, x, y)
        }
    }
}

extension StaffTokenKeySet {
    /// DEVELOPMENT ONLY: the public half of the development signing key, which `evnctl
    /// staff-token` signs with. Its private half is in this repository, so anyone can sign
    /// tokens it accepts: a service outside `EVN_ENV=development` refuses to start on it.
    public static let development: StaffTokenKeySet = {
        do {
            return try StaffTokenKeySet(keys: [Key(
                kid: "development-only",
                x: "JuAFrM6ipuTbG7zrtX69JtfZW6q4cMhvIUKyC13bsaY",
                y: "dWyUhTsomEi6iXPmNv3go5BQhPaqtIAdHuzAp_Dpdsc")])
        } catch {
            preconditionFailure("the development key set is a valid P-256 key: \(error)")
        }
    }()
}
