import GRDB
import Synchronization

/// An action run once after a transaction that asked for it commits, however many times that
/// transaction asked: the outbox's wake-up of its relay, a delivery queue's doorbell.
///
/// GRDB checks each of a transaction's after-commit hooks against every later statement of
/// that transaction, so a hook per outbox row made a transaction of many rows quadratic: a
/// residence pass batch of 2,000 recounts, or an inbox consumer's batch of 200 messages, spent
/// more time there than in SQLite.
public final class CommitHook: Sendable {
    private let action: @Sendable () -> Void
    /// The connections whose open transaction already has the hook; each leaves the set when
    /// its transaction commits or rolls back.
    private let armed = Mutex<Set<ObjectIdentifier>>([])

    public init(_ action: @escaping @Sendable () -> Void) {
        self.action = action
    }

    /// Runs the action once the transaction open on `db` commits (not when it rolls back).
    public func arm(in db: Database) {
        let connection = ObjectIdentifier(db)
        guard armed.withLock({ $0.insert(connection).inserted }) else { return }
        db.afterNextTransaction { [self] _ in
            disarm(connection)
            action()
        } onRollback: { [self] _ in
            disarm(connection)
        }
    }

    private func disarm(_ connection: ObjectIdentifier) {
        _ = armed.withLock { $0.remove(connection) }
    }
}
