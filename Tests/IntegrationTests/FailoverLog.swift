import FlowDriver
import Foundation
import Messaging
import TestSupport

/// What the services' logs tell of one broker node's death: which of their connections were
/// on it, and how long after the kill each service had moved every one of them to another node.
struct FailoverLog {
    let platform: Platform
    let services: [String]
    /// The node that is about to die.
    let node: AMQPURL
    private let offsets: [String: Int]
    private let start: ContinuousClock.Instant

    /// Marks the logs' ends: only what the services log from now on counts.
    init(platform: Platform, services: [String], node: AMQPURL) {
        self.platform = platform
        self.services = services
        self.node = node
        self.offsets = Dictionary(uniqueKeysWithValues: services.map { ($0, (try? platform.service($0).log().utf8.count) ?? 0) })
        start = .now
    }

    /// Waits until every connection the services lost on the node has moved to another node and
    /// `settled` holds (the broker lists as many connections as before); returns, per service
    /// that lost one, the time from this log's start to its last connection's move.
    func waitUntilEveryServiceMoved(settled: () async throws -> Bool) async throws -> [String: Duration] {
        var moved: [String: Duration] = [:]
        try await eventually("every service moved off \(node)", timeout: .seconds(120)) {
            var pending = false
            for service in services where moved[service] == nil {
                let (lost, reconnected) = try counts(service)
                if lost > 0 && reconnected >= lost {
                    moved[service] = start.duration(to: .now)
                } else if lost > 0 {
                    pending = true
                }
            }
            guard !pending, !moved.isEmpty else { return false }
            return try await settled()
        }
        return moved
    }

    /// The service's connections lost on the node, and its connections made since the start.
    private func counts(_ service: String) throws -> (lost: Int, reconnected: Int) {
        let log = String(decoding: try platform.service(service).log().utf8.dropFirst(offsets[service] ?? 0), as: UTF8.self)
        let lines = log.split(separator: "\n")
        let lost = lines.filter { $0.contains("broker connection lost") && $0.contains("@\(node.host):\(node.port)/") }.count
        let reconnected = lines.filter { $0.contains("moved to another broker node") || $0.contains("connected to the broker") }.count
        return (lost, reconnected)
    }
}
