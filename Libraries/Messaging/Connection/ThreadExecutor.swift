import Foundation

/// A serial executor that runs every job on one dedicated thread.
///
/// An actor that keeps a librabbitmq connection uses it as its executor:
/// actor isolation then guarantees one caller at a time, and this thread
/// guarantees it is always the same thread, as librabbitmq requires.
///
/// `@unchecked Sendable` is sound: `jobs` and `stopped` are only touched while holding
/// `condition`'s lock; the thread is started once in `init`.
package final class ThreadExecutor: SerialExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    package init(name: String) {
        // The thread keeps the executor alive until `stop()` lets its loop end.
        let thread = Thread { self.loop() }
        thread.name = name
        thread.start()
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    package func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Ends the thread once the jobs already queued have run.
    package func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedSerialExecutor()) }
        }
    }
}
