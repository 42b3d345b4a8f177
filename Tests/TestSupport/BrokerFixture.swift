import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Messaging

/// The real RabbitMQ that `make test` starts, and a private vhost per test so
/// that parallel tests never see each other's queues or messages.
///
/// Reads `AMQP_URL`, `BROKER_MANAGEMENT_URL` (the management API, with
/// credentials), `BROKER_CTL` (a command that runs `rabbitmqctl` against
/// the test broker) and, for an `amqps://` broker, `AMQP_CA_FILE` (the CAs its
/// certificate chains to) from the environment, with the defaults `make test` uses.
public struct BrokerFixture: Sendable {
    public let url: AMQPURL
    public let vhost: String
    private let management: URL
    private let credentials: String

    /// Creates a fresh vhost named after the test and grants the test user all rights on it.
    public static func make(_ name: String = "t") async throws -> BrokerFixture {
        let environment = ProcessInfo.processInfo.environment
        let base = try AMQPURL(environment["AMQP_URL"] ?? "amqp://evn:evn@127.0.0.1:5672/evn")
        let managementURL = URL(string: environment["BROKER_MANAGEMENT_URL"] ?? "http://evn:evn@127.0.0.1:15672")!
        let vhost = "\(name)-\(UUID().uuidString.prefix(8).lowercased())"
        let fixture = BrokerFixture(url: base.with(vhost: vhost), vhost: vhost, management: managementURL,
                                    credentials: "\(base.user):\(base.password)")
        try await fixture.api("PUT", "vhosts/\(vhost.urlPathEscaped)")
        try await fixture.awaitUsable(user: base.user)
        return fixture
    }

    /// Grants the test user all rights on the new vhost and waits until the vhost is really
    /// usable: the management API lists it running on every node and the user's permissions on
    /// it, and a client connection opens in it. A loaded broker answers 404 for a vhost it has
    /// just created, or refuses connections, for a while; a test that starts then fails for
    /// nothing it tests.
    private func awaitUsable(user: String) async throws {
        let permissions = "permissions/\(vhost.urlPathEscaped)/\(user.urlPathEscaped)"
        try await eventually("the vhost \(vhost) is running on every node", timeout: .seconds(30)) {
            guard let data = try? await api("GET", "vhosts/\(vhost.urlPathEscaped)"),
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            let states = object["cluster_state"] as? [String: String] ?? [:]
            return !states.isEmpty && states.values.allSatisfy { $0 == "running" }
        }
        try await eventually("the test user's permissions on \(vhost)", timeout: .seconds(30)) {
            _ = try? await api("PUT", permissions, body: #"{"configure":".*","write":".*","read":".*"}"#)
            return (try? await api("GET", permissions)) != nil
        }
        let probe = Publisher(broker: settings(Self.probeConnectionName))
        try await eventually("a connection opens in \(vhost)", timeout: .seconds(30)) {
            // No message: the publisher only opens its connection and declares the exchanges.
            (try? await probe.publish([])) != nil
        }
        await probe.close()
    }

    /// The name of the fixture's own connection, which ``connections()`` leaves out.
    private static let probeConnectionName = "test-fixture/probe"

    /// Broker settings for one component of a test service.
    public func settings(_ connectionName: String) -> BrokerSettings {
        BrokerSettings(url: url, connectionName: connectionName, heartbeatSeconds: 10,
                       reconnect: Backoff(initial: .milliseconds(50), maximum: .milliseconds(500)),
                       caFile: ProcessInfo.processInfo.environment["AMQP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Applies a broker policy (a `policies` entry of deploy/rabbitmq/definitions.json) to this
    /// test's vhost, as the deployments' definitions apply it to theirs.
    public func applyPolicy(_ policy: [String: Any]) async throws {
        guard let name = policy["name"] as? String else { throw FixtureError("a policy without a name: \(policy)") }
        var body = policy
        body["vhost"] = nil
        body["name"] = nil
        let json = try JSONSerialization.data(withJSONObject: body)
        try await api("PUT", "policies/\(vhost.urlPathEscaped)/\(name.urlPathEscaped)", body: String(decoding: json, as: UTF8.self))
    }

    /// Removes the vhost and everything in it.
    public func tearDown() async {
        _ = try? await api("DELETE", "vhosts/\(vhost.urlPathEscaped)")
    }

    /// How many messages a queue holds (ready + unacknowledged), as the broker counts them.
    public func queueDepth(_ queue: String) async throws -> Int {
        let data = try await api("GET", "queues/\(vhost.urlPathEscaped)/\(queue.urlPathEscaped)")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["messages"] as? Int ?? 0
    }

    /// Every queue of this vhost with the messages it holds (ready and unacknowledged), as the
    /// management API counts them: counts that lag behind the queues by the broker's statistics
    /// interval (`collect_statistics_interval`, a second on the test broker).
    public func queueDepths() async throws -> [String: Int] {
        let data = try await api("GET", "queues/\(vhost.urlPathEscaped)")
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.reduce(into: [:]) { depths, queue in
            if let name = queue["name"] as? String { depths[name] = queue["messages"] as? Int ?? 0 }
        }
    }

    /// The quorum queues of this vhost whose members are not all online, each with the members
    /// the broker counts online and its leader: empty once every replica is back in service.
    public func quorumQueuesShortOfMembers() async throws -> [String: String] {
        let data = try await api("GET", "queues/\(vhost.urlPathEscaped)")
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.reduce(into: [:]) { short, queue in
            guard queue["type"] as? String == "quorum", let name = queue["name"] as? String else { return }
            let members = queue["members"] as? [String] ?? []
            let online = queue["online"] as? [String] ?? []
            if members.isEmpty || Set(online) != Set(members) {
                short[name] = "\(online.count) of \(members.count) online, leader \(queue["leader"] as? String ?? "none")"
            }
        }
    }

    /// Every queue of this vhost as the broker lists it: its type, state and node (a classic
    /// queue's home) or members online and leader (a quorum queue's), for a failure's report.
    public func queueStates() async throws -> [String: String] {
        let data = try await api("GET", "queues/\(vhost.urlPathEscaped)")
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.reduce(into: [:]) { states, queue in
            guard let name = queue["name"] as? String else { return }
            states[name] = [queue["type"], queue["state"], queue["node"], queue["durable"], queue["leader"], queue["online"]]
                .map { "\($0 ?? "-")" }.joined(separator: " ")
        }
    }

    /// The routing keys `queue` is bound with from `exchange`, as the broker lists them.
    public func bindingKeys(of queue: String, from exchange: String) async throws -> [String] {
        let data = try await api("GET", "bindings/\(vhost.urlPathEscaped)/e/\(exchange.urlPathEscaped)/q/\(queue.urlPathEscaped)")
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.compactMap { $0["routing_key"] as? String }
    }

    /// Takes messages from a queue through the management API: a reader that
    /// shares no code with this project, to prove what is on the wire.
    public func peek(_ queue: String, count: Int = 1) async throws -> [[String: Any]] {
        let body = #"{"count":\#(count),"ackmode":"ack_requeue_true","encoding":"auto"}"#
        let data = try await api("POST", "queues/\(vhost.urlPathEscaped)/\(queue.urlPathEscaped)/get", body: body)
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }

    /// Declares a durable queue bound to `evn.events` and `evn.commands` with the given routing
    /// keys (declaring the exchanges as the services do), through the management API.
    public func declareQueue(_ queue: String, events: [String], commands: [String]) async throws {
        for (exchange, type) in [(Exchange.events, "topic"), (Exchange.commands, "direct")] {
            try await api("PUT", "exchanges/\(vhost.urlPathEscaped)/\(exchange.urlPathEscaped)",
                          body: #"{"type":"\#(type)","durable":true,"auto_delete":false,"internal":false,"arguments":{}}"#)
        }
        try await api("PUT", "queues/\(vhost.urlPathEscaped)/\(queue.urlPathEscaped)",
                      body: #"{"durable":true,"auto_delete":false,"arguments":{}}"#)
        let bindings = events.map { (Exchange.events, $0) } + commands.map { (Exchange.commands, $0) }
        for (exchange, routingKey) in bindings {
            let body = try JSONSerialization.data(withJSONObject: ["routing_key": routingKey])
            try await api("POST", "bindings/\(vhost.urlPathEscaped)/e/\(exchange.urlPathEscaped)/q/\(queue.urlPathEscaped)",
                          body: String(decoding: body, as: UTF8.self))
        }
    }

    /// The client connections open in this vhost as the broker lists them: each connection's
    /// name (`<service>/<component>`) to the broker's own name for it, which names its client
    /// port and so changes when the client reconnects.
    public func connections() async throws -> [String: String] {
        let data = try await api("GET", "vhosts/\(vhost.urlPathEscaped)/connections")
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.reduce(into: [:]) { connections, connection in
            let properties = connection["client_properties"] as? [String: Any]
            if let name = properties?["connection_name"] as? String, name != Self.probeConnectionName,
               let brokerName = connection["name"] as? String {
                connections[name] = brokerName
            }
        }
    }

    /// Runs `rabbitmqctl` against the test broker (e.g. `close_all_connections -p <vhost> reason`).
    public func ctl(_ arguments: [String]) throws {
        let command = ProcessInfo.processInfo.environment["BROKER_CTL"] ?? "scripts/broker.sh ctl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", ([command] + arguments.map { "'\($0)'" }).joined(separator: " ")]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError("rabbitmqctl \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    /// Closes every client connection in this test's vhost, as a network cut or broker restart would.
    public func closeConnections() throws {
        try ctl(["close_all_connections", "-p", vhost, "test: connection cut"])
    }

    @discardableResult
    private func api(_ method: String, _ path: String, body: String? = nil) async throws -> Data {
        var components = URLComponents(url: management, resolvingAgainstBaseURL: false)!
        components.user = nil
        components.password = nil
        var request = URLRequest(url: components.url!.appendingPathComponent("api").appendingPathComponent(path, isDirectory: false))
        request.httpMethod = method
        request.setValue("Basic \(Data(credentials.utf8).base64EncodedString())", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.send(request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw FixtureError("management API \(method) \(path): HTTP \(status) \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }
}

extension BrokerFixture {
    /// Sends `request`, again while the management API refuses connections or drops them (a
    /// loaded broker does, for a while), for up to 30 seconds; then the last error.
    fileprivate static func send(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            do {
                return try await URLSession.shared.data(for: request)
            } catch let error as URLError
                where [.cannotConnectToHost, .networkConnectionLost].contains(error.code) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

private extension String {
    /// Escapes a path segment for the management API (a vhost `/` becomes `%2F`).
    var urlPathEscaped: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? self
    }
}
