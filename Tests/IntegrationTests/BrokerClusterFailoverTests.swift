import FlowDriver
import Foundation
import Messaging
import TestSupport
import Testing

/// The new-connection flow on a three-node RabbitMQ cluster while its nodes die: the services
/// are given the three nodes (`AMQP_URL` with three hosts) and must move to a live node each
/// time theirs is killed, losing and repeating nothing. Runs only where a cluster is up:
/// `scripts/containers/cluster-test.sh` starts one from docker-compose.cluster.yml and sets
/// `CLUSTER_AMQP_URL` (the three nodes' AMQPS addresses), `CLUSTER_CONTAINERS` (their
/// containers, in the same order) and `AMQP_URL`, `BROKER_MANAGEMENT_URL` (the third node,
/// which is never killed).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CLUSTER_AMQP_URL"] != nil))
struct BrokerClusterFailoverTests {
    @Test func everyRequestFiledWhileNodesDieGetsOneTicketAndEachNoticeOnce() async throws {
        let environment = ProcessInfo.processInfo.environment
        let cluster = try BrokerNodes(environment["CLUSTER_AMQP_URL"]!)
        let nodes = ClusterNodes(containers: environment["CLUSTER_CONTAINERS"]!.split(separator: ",").map(String.init))
        // The services' own vhost, with the deployments' policies (the dead-letter queues
        // mirrored on every node).
        let broker = try await BrokerFixture.make("cluster")
        for policy in try Self.shippedPolicies() { try await broker.applyPolicy(policy) }
        let first = cluster.urls[0]
        let hosts = cluster.urls.map { "\($0.host):\($0.port)" }.joined(separator: ",")
        let settings = [
            "AMQP_URL": "amqps://\(first.user):\(first.password)@\(hosts)/\(broker.vhost)",
            "AMQP_CA_FILE": environment["AMQP_CA_FILE"] ?? "",
        ]
        defer { Task { await broker.tearDown() } }

        try await Platform.run("cluster", settings: settings) { platform in
            let services = Platform.flowServices
            let load = FilingLoad(platform: platform)
            let filing = Task { try await load.run(every: .milliseconds(400)) }
            try await load.waitUntilFiled(5)

            // The services start on the first node: kill it, bring it back, then kill the second.
            for (index, node) in [0, 1].enumerated() {
                let connections = try await broker.connections().count
                let logs = FailoverLog(platform: platform, services: services, node: cluster.urls[node])
                try await nodes.kill(node)
                let times = try await logs.waitUntilEveryServiceMoved {
                    try await broker.connections().count >= connections
                }
                for service in services {
                    print("cluster failover \(index + 1) (\(nodes.containers[node]) killed): \(service) "
                          + (times[service].map { "moved to a live node after \(Self.seconds($0)) s" } ?? "kept its node"))
                }
                try await load.waitUntilFiled(load.filedCount + 5)
                if index == 0 {
                    let restarted = ContinuousClock.now
                    try await nodes.start(node)
                    // The node is back in service once every queue's replica on it is online
                    // again; stopping another node before would leave queues without a majority,
                    // and the broker refuses what is published to those (docs/scaling.md).
                    try await eventually("every quorum queue has all its members online", timeout: .seconds(120)) {
                        try await broker.quorumQueuesShortOfMembers().isEmpty
                    }
                    print("cluster failover: \(nodes.containers[node]) back with every queue replica online after "
                          + "\(Self.seconds(ContinuousClock.now - restarted)) s")
                }
            }
            filing.cancel()
            // A filing intake refused while a node was down fails the test with intake's answer.
            try await filing.value
            let journeys = await load.journeys

            for journey in journeys {
                let tickets: Int
                do {
                    tickets = try await journey.tickets(atLeast: 1)
                } catch {
                    throw FixtureError("\(error); the vhost's queues: \(try await broker.queueStates())")
                }
                #expect(tickets == 1, "\(journey.requestCode) has \(tickets) tickets")
            }
            try await eventually("every customer received the request's first notice", timeout: .seconds(60)) {
                for journey in journeys where await journey.smsTexts().isEmpty { return false }
                return true
            }
            try await eventually("every inbox is drained", timeout: .seconds(60)) {
                for service in services where try await broker.queueDepth("\(service).inbox") > 0 { return false }
                return true
            }
            for journey in journeys {
                let texts = await journey.smsTexts()
                #expect(Set(texts).count == texts.count, "\(journey.requestCode): a notice sent twice: \(texts)")
            }
            for service in services {
                #expect(try await broker.queueDepth("\(service).dead") == 0, "\(service) dead-lettered a message")
            }
            print("cluster failover: \(journeys.count) requests filed, each with one ticket and each notice sent once")
        }
    }

    /// A duration in seconds with two decimals, as the fail-over report prints it.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// The broker policies the deployments' definitions declare.
    static func shippedPolicies() throws -> [[String: Any]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("deploy/rabbitmq/definitions.json"))
        let definitions = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return definitions?["policies"] as? [[String: Any]] ?? []
    }
}
