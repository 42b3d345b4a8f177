import CAMQPShim
import Foundation

/// Sends a connection's heartbeats while its owner is blocked away from the socket.
///
/// librabbitmq only sends heartbeats inside calls that read or write frames, and the broker
/// drops a connection it has heard nothing from for two intervals. An owner blocked in SQLite
/// — waiting out the busy timeout while an import or the residence pass holds the write lock —
/// would lose its connection, and so would one that holds a connection idle between calls
/// without a thread of its own (the tests' publisher). While the owner is away — inside
/// ``away(_:)``, or from ``leave()`` to ``back()`` — this pacer's thread sends a heartbeat
/// frame every quarter interval instead: with the up to one interval librabbitmq may have
/// let pass before, the broker never waits longer than one and a quarter.
///
/// The thread ticks on its own rather than being woken by `leave()`: the consumer and the
/// relay go away for every transaction, and a wake-up each time would cost a context switch
/// per commit.
///
/// `@unchecked Sendable` is sound: the connection state is only touched by the pacer while the
/// owner is away, and only while holding `condition`'s lock, which the owner takes before it
/// returns to the socket; `ownerAway` and `closed` are guarded by it too.
final class HeartbeatPacer: @unchecked Sendable {
    private let condition = NSCondition()
    private let state: amqp_connection_state_t
    private let tick: TimeInterval
    private var ownerAway = false
    private var closed = false

    /// Starts the pacer's thread; call `stop()` before `state` is destroyed.
    init(state: amqp_connection_state_t, heartbeatSeconds: Int, name: String) {
        self.state = state
        tick = Double(heartbeatSeconds) / 4
        let thread = Thread { [self] in beat() }
        thread.name = "\(name) heartbeats"
        thread.start()
    }

    /// Runs `body`, which must not use the connection, with heartbeats sent meanwhile.
    func away<T>(_ body: () throws -> T) rethrows -> T {
        leave()
        defer { back() }
        return try body()
    }

    /// The owner leaves the connection alone until `back()`; the pacer sends its heartbeats.
    func leave() {
        condition.lock()
        ownerAway = true
        condition.unlock()
    }

    /// The owner takes the connection back; returns once the pacer has let go of it.
    func back() {
        condition.lock()
        ownerAway = false
        condition.unlock()
    }

    /// Ends the thread; once this returns the pacer never touches the connection again.
    func stop() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    private func beat() {
        condition.lock()
        defer { condition.unlock() }
        while !closed {
            _ = condition.wait(until: Date(timeIntervalSinceNow: tick))
            guard ownerAway, !closed else { continue }
            var frame = amqp_frame_t()
            frame.frame_type = UInt8(AMQP_FRAME_HEARTBEAT)
            frame.channel = 0
            // A failure means the socket is gone: the owner's next call on it reports that.
            _ = amqp_send_frame(state, &frame)
        }
    }
}
