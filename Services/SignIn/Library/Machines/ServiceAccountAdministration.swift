import Foundation
import ServiceKit

/// What an operator does to service accounts from the command line (`signin service-account`),
/// on the sign-in's own store.
public struct ServiceAccountAdministration: Sendable {
    private let store: ServiceStore
    private let accounts = ServiceAccountBook()
    private let clock: WallClock

    /// Opens the store of `configuration` (the running sign-in's, when run beside it), stamping
    /// what it changes with the time `clock` reads.
    public init(configuration: ServiceConfiguration, clock: WallClock = .system) throws {
        self.clock = clock
        store = try ServiceStore(configuration: configuration,
                                 migrator: SignInService.migrator(personalData: configuration.personalData))
    }

    /// Creates `account`; its secret, shown this once.
    public func create(_ account: ServiceAccount) async throws -> String {
        let (accounts, at) = (accounts, clock.preciseNow())
        return try await store.database.write { db in try accounts.create(account, at: at, in: db) }
    }

    /// Revokes `clientId`; whether there was such an account not yet revoked.
    public func revoke(_ clientId: String) async throws -> Bool {
        let (accounts, at) = (accounts, clock.preciseNow())
        return try await store.database.write { db in try accounts.revoke(clientId, at: at, in: db) }
    }
}
