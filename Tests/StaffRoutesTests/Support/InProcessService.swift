import Contracts
import Foundation
import GRDB
import Hummingbird
import Logging
@testable import Messaging
import Prometheus
import ServiceKit
import StaffAuth
import StaffTokenIssuing

/// One service built in-process on a fresh store, without the broker: its routes, as the
/// service registers them, and the store behind them. Records are made the way the service makes
/// them, through its API or by handing its own message handlers a message as its consumer would.
struct InProcessService<Definition: ServiceDefinition>: Sendable {
    let host: ServiceHost<Definition>
    /// The service's own routes as "METHOD path" (health, readiness and metrics are ServiceKit's).
    let routes: [(name: String, method: HTTPRequest.Method, path: String)]
    private let issuer: StaffTokenIssuer

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("routes-\(UUID().uuidString)")
        let configuration = try ServiceConfiguration(service: Definition.name, environment: ["DATA_DIR": folder.path, "EVN_ENV": "development"])
        host = try ServiceHost<Definition>(configuration: configuration, logger: Logger(label: "routes"),
                                           metrics: PrometheusCollectorRegistry())
        routes = Self.router(of: host).routes.map {
            (name: "\($0.method) \($0.path)", method: $0.method, path: $0.path.description)
        }
        issuer = StaffTokenIssuer.development(configuration.staffTokens)
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
        let envelope = Envelope(routingKey: Message.routingKey, version: Message.version, correlationId: correlationId,
                                appId: "test", body: try Envelope.encode(message))
        let incoming = IncomingMessage(envelope: envelope, exchange: Message.kind == .command ? Exchange.commands : Exchange.events,
                                       routingKey: Message.routingKey, redelivered: false)
        guard let handle = host.definition.handlers.change(for: Message.routingKey) else {
            throw ProbeError("\(Definition.name) has no handler for \(Message.routingKey)")
        }
        let outbox = host.context.outbox
        try await host.context.store.database.write { db in
            try handle(MessageContext(message: incoming, db: db, outbox: outbox))
        }
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
