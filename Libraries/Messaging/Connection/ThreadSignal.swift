import Foundation

/// A flag that blocking threads sleep on and anyone may raise.
///
/// The AMQP owners run on dedicated threads (librabbitmq blocks), so they
/// cannot await; they wait on this with a timeout instead. `autoReset`
/// signals (the outbox's "new rows") clear when a waiter wakes; latching ones
/// (stop requests) stay raised.
///
/// `@unchecked Sendable` is sound: `raised` is only read and written while
/// holding `condition`'s lock, and `autoReset` is immutable.
final class ThreadSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var raised = false
    private let autoReset: Bool

    init(autoReset: Bool) {
        self.autoReset = autoReset
    }

    func raise() {
        condition.lock()
        raised = true
        condition.broadcast()
        condition.unlock()
    }

    var isRaised: Bool {
        condition.lock()
        defer { condition.unlock() }
        return raised
    }

    /// Sleeps until raised or until `timeout` passes; tells whether it was raised.
    @discardableResult
    func wait(timeout: Duration) -> Bool {
        // A deadline for the condition variable, which waits until an instant of the system clock.
        let deadline = Date(timeIntervalSinceNow: timeout.seconds)
        condition.lock()
        defer { condition.unlock() }
        while !raised {
            if !condition.wait(until: deadline) { break }
        }
        let wasRaised = raised
        if autoReset { raised = false }
        return wasRaised
    }
}
