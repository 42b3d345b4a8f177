import Foundation
import GRDB
import StaffAuth

/// The service accounts in the store: created by an operator (`signin service-account create`),
/// proven by their secret at `POST /oauth/token`, revoked by an operator.
///
/// A secret is an ``OpaqueSecret``, shown once at creation and stored only as its SHA-256, so a
/// copy of the store proves no account.
public struct ServiceAccountBook: Sendable {
    public init() {}

    /// Why an account cannot be created.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case invalidClientId
        case noRole
        case invalidUnit
        case exists

        public var description: String {
            switch self {
            case .invalidClientId: "the client id must be 3 to 64 lower-case letters, digits or '-', starting with a letter"
            case .noRole: "a service account needs at least one role"
            case .invalidUnit: "the unit must be CORP or a branch code of upper-case letters and digits"
            case .exists: "a service account with this client id exists"
            }
        }
    }

    /// Creates `account` at `now` and returns its secret, which nobody can read again.
    public func create(_ account: ServiceAccount, at now: Date, in db: Database) throws -> String {
        guard account.clientId.range(of: "^[a-z][a-z0-9-]{2,63}$", options: .regularExpression) != nil else {
            throw Refusal.invalidClientId
        }
        guard !account.roles.isEmpty else { throw Refusal.noRole }
        guard account.unit.range(of: "^[A-Z0-9]{2,16}$", options: .regularExpression) != nil else {
            throw Refusal.invalidUnit
        }
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM service_account WHERE client_id = ?)"),
                                arguments: [account.clientId]) != true else { throw Refusal.exists }
        let secret = OpaqueSecret.generate().value
        try db.cachedStatement(sql: """
            INSERT INTO service_account (client_id, secret_hash, roles, unit, created_at) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [account.clientId, OpaqueSecret(secret).hash, account.roles.map(\.rawValue).sorted().joined(separator: ","),
                                     account.unit, now.timeIntervalSince1970])
        return secret
    }

    /// The account `clientId` if `secret` is its own and it is not revoked.
    public func authenticate(clientId: String, secret: String, in db: Database) throws -> ServiceAccount? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT roles, unit FROM service_account WHERE client_id = ? AND secret_hash = ? AND revoked_at IS NULL
            """), arguments: [clientId, OpaqueSecret(secret).hash]) else { return nil }
        let roles: String = row["roles"]
        return ServiceAccount(clientId: clientId, roles: Set(roles.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }),
                              unit: row["unit"])
    }

    /// Revokes `clientId` at `now`: its secret gets no further token. Whether there was such an account.
    public func revoke(_ clientId: String, at now: Date, in db: Database) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE service_account SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL")
            .execute(arguments: [now.timeIntervalSince1970, clientId])
        return db.changesCount > 0
    }
}
