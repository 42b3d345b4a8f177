import Contracts
import Foundation
import GRDB
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import TestSupport

/// One service built in-process on a fresh store, without the broker: its routes, as the
/// service registers them, and the store behind them. Records are made the way the service makes
/// them, through its API or by handing its own message handlers a message as its consumer would.
struct InProcessService<Definition: ServiceDefinition>: Sendable {
    let host: ServiceHost<Definition>
    /// The service's handlers and store with no broker in between.
    private let inMemory: InMemoryService<Definition>
    /// The service's own routes as "METHOD path" (health, readiness and metrics are ServiceKit's).
    let routes: [(name: String, method: HTTPRequest.Method, path: String)]
    private let issuer: StaffTokenIssuer

    init() throws {
        inMemory = try InMemoryService<Definition>()
        host = inMemory.host
        routes = Self.router(of: host).routes.map {
            (name: "\($0.method) \($0.path)", method: $0.method, path: $0.path.description)
        }
        issuer = StaffTokenIssuer.development(host.context.configuration.staffTokens)
    }

    /// A router with the service's own routes on this store.
    func router() -> Router<ServiceRequestContext> { Self.router(of: host) }

    private static func router(of host: ServiceHost<Definition>) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        host.definition.routes(router)
        return router
    }

    /// A token of `role` in `unit` that this service accepts.
    func token(_ role: StaffRole, unit: String) async throws -> String {
        try await issuer.issue(StaffClaims(staffId: "matrix-\(unit.lowercased())", roles: [role], unit: unit,
                                           expiresAt: Date().addingTimeInterval(3600)),
                               audience: [Definition.name])
    }

    /// Hands `message` to the service's handler for it, in one transaction, as its consumer does.
    func deliver<Message: MessageContract>(_ message: Message, correlationId: String) async throws {
        try await inMemory.deliver(message, correlationId: correlationId)
    }

    /// Every row of every table of the store but `ledgers`, as text: equal snapshots mean
    /// nothing changed.
    func snapshot(excluding ledgers: Set<String> = []) async throws -> String {
        try await host.context.store.database.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            return try tables.filter { !ledgers.contains($0) }.map { table in
                "\(table): " + (try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted()
                    .joined(separator: "\n"))
            }.joined(separator: "\n")
        }
    }
}
