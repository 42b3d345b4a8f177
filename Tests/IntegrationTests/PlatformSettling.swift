import FlowDriver
import Foundation
import GRDB
import Messaging
import TestSupport

extension Platform {
    /// Waits until nothing is in flight between the services, so that a test may then assert
    /// that a message, a notice or a row did *not* follow, without a fixed wait: every store has
    /// had the broker confirm its whole outbox, notification has no notice waiting to go out,
    /// every service's inbox queue is empty, and the stores' inbox and outbox counts have not
    /// moved in between.
    ///
    /// The broker's queue counts lag by its statistics interval (a second on the test broker),
    /// so the platform counts as settled once it has looked settled, with the same counts, for
    /// longer than that: a message still queued at the first look is then either counted in its
    /// queue or handled, which moves its service's inbox count.
    func awaitSettled(timeout: Duration = .seconds(30)) async throws {
        var settledSince: (counts: [String], at: ContinuousClock.Instant)?
        var last: [String] = []
        try await eventually("the platform settled (last look: \(last))", timeout: timeout) {
            let inboxes = try await broker.queueDepths().filter { $0.key.hasSuffix(".inbox") && $0.value > 0 }
            let stores = try storeCounts()
            last = stores.map(\.description) + inboxes.map { "\($0.key) holds \($0.value)" }.sorted()
            guard inboxes.isEmpty, stores.allSatisfy(\.isIdle) else {
                settledSince = nil
                return false
            }
            let counts = stores.map(\.description)
            guard let since = settledSince, since.counts == counts else {
                settledSince = (counts, .now)
                return false
            }
            return ContinuousClock.now - since.at > .milliseconds(1500)
        }
    }

    /// What each service's store has handled and sent, read from its SQLite file.
    private func storeCounts() throws -> [StoreCounts] {
        let data = folder.appendingPathComponent("data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasSuffix(".sqlite") }.sorted()
        return try files.map { file in
            var readOnly = Configuration()
            readOnly.readonly = true
            return try DatabaseQueue(path: data.appendingPathComponent(file).path, configuration: readOnly).read { db in
                StoreCounts(
                    store: file,
                    handled: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messaging_inbox") ?? 0,
                    sentThrough: try Int64.fetchOne(db, sql: "SELECT sent_through FROM messaging_outbox_cursor WHERE id = 1") ?? 0,
                    backlog: try Outbox(service: file).backlog(in: db),
                    noticesWaiting: try db.tableExists("notification_deliveries")
                        ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notification_deliveries WHERE status IN ('pending', 'sending')") ?? 0
                        : 0)
            }
        }
    }
}

/// One store's counts of what it handled and sent, as ``Platform/awaitSettled(timeout:)`` compares them.
private struct StoreCounts: CustomStringConvertible {
    var store: String
    var handled: Int
    var sentThrough: Int64
    var backlog: Int
    var noticesWaiting: Int

    /// Nothing of this store waits for the broker or for the SMS gateway and the mail server.
    var isIdle: Bool { backlog == 0 && noticesWaiting == 0 }

    var description: String {
        "\(store): handled \(handled), sent through \(sentThrough), \(backlog) to send, \(noticesWaiting) notices waiting"
    }
}
