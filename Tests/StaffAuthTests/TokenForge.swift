import Foundation
import JWTKit
import ServiceKit
import StaffAuth

/// Signs whatever a test asks for, as a forger or a faulty issuer would: any header, any body,
/// with the key the services trust or another.
struct TokenForge {
    static let issuer = "evn-staff-sign-in"
    static let service = "crm"
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    let kid: String
    let key: ES256PrivateKey

    init(kid: String = "2026-12", key: ES256PrivateKey = ES256PrivateKey()) {
        self.kid = kid
        self.key = key
    }

    /// The public key set the services are given for this key.
    var keySet: StaffTokenKeySet {
        try! StaffTokenKeySet(keys: [publicKey])
    }

    var publicKey: StaffTokenKeySet.Key {
        StaffTokenKeySet.Key(kid: kid, x: key.parameters!.x, y: key.parameters!.y)
    }

    /// A body as the issuer writes it, valid for an hour from ``start``, for ``service``.
    static func payload(roles: Set<StaffRole> = [.customerService], unit: String = "PC05TK") -> StaffTokenPayload {
        StaffTokenPayload(
            iss: IssuerClaim(value: issuer), aud: AudienceClaim(value: [service, "metering"]),
            sub: SubjectClaim(value: "tk-cs-014"), roles: roles, unit: unit,
            iat: IssuedAtClaim(value: start), nbf: NotBeforeClaim(value: start),
            exp: ExpirationClaim(value: start.addingTimeInterval(3600)), jti: IDClaim(value: "3b6f0c1e"))
    }

    /// `payload` signed with this key, naming `kid` (this key's by default).
    func sign(_ payload: StaffTokenPayload, kid: String? = nil) async throws -> String {
        let keys = await JWTKeyCollection().add(ecdsa: key, kid: JWKIdentifier(string: kid ?? self.kid))
        return try await keys.sign(payload, kid: JWKIdentifier(string: kid ?? self.kid))
    }

    /// A token with a header of the forger's choosing and `signature` as its third part.
    static func raw(header: String, payload: StaffTokenPayload, signature: (Data) -> Data) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let body = base64URL(Data(header.utf8)) + "." + base64URL(try encoder.encode(payload))
        return body + "." + base64URL(signature(Data(body.utf8)))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
