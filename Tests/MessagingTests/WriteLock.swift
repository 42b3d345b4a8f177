import Foundation
import GRDB

/// A write transaction held open on a store by another connection, as `households import` holds it.
final class WriteLock: Sendable {
    private let released = DispatchSemaphore(value: 0)
    private let taken = DispatchSemaphore(value: 0)
    private let since = ContinuousClock.now

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        let (taken, released) = (taken, released)
        Thread {
            try? queue.write { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS lock_holder (id INTEGER)")
                taken.signal()
                released.wait()
            }
        }.start()
        taken.wait()
    }

    var heldFor: Duration { .now - since }

    func release() {
        released.signal()
    }
}
