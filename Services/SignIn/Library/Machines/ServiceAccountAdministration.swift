import Foundation
import ServiceKit

/// What an operator does to service accounts from the command line (`signin service-account`),
/// on the sign-in's own store.
public struct ServiceAccountAdministration: Sendable {
    private let store: ServiceStore
    private let accounts = ServiceAccountBook()

    /// Opens the store of `configuration` (the running sign-in's, when run beside it).
    public init(configuration: ServiceConfiguration) throws {
        store = try ServiceStore(configuration: configuration,
                                 migrator: SignInService.migrator(personalData: configuration.personalData))
    }

    /// Creates `account`; its secret, shown this once.
    public func create(_ account: ServiceAccount) async throws -> String {
        let accounts = accounts
        return try await store.database.write { db in try accounts.create(account, at: Date(), in: db) }
    }

    /// Revokes `clientId`; whether there was such an account not yet revoked.
    public func revoke(_ clientId: String) async throws -> Bool {
        let accounts = accounts
        return try await store.database.write { db in try accounts.revoke(clientId, at: Date(), in: db) }
    }
}
