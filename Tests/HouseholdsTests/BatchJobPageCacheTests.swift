import GRDB
@testable import Households
import TestSupport
import Testing

/// The writer's page cache is enlarged while any batch job runs, and given back when the last
/// one ends: an import that ends during a residence pass leaves the pass its cache, and the
/// pass ending last restores the store's own size.
@Suite struct BatchJobPageCacheTests {
    @Test func overlappingJobsKeepTheCacheUntilTheLastEndsAndThenRestoreIt() async throws {
        let store = try TemporaryStore()
        let cache = BatchJobPageCache(database: store.pool)
        @Sendable func writerCache() async throws -> Int {
            try await store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA cache_size")! }
        }
        let own = try await writerCache()
        #expect(own != BatchJobPageCache.size)

        // The pass starts, an import starts beside it, and the pass, which started first, ends first.
        let pass = try await HeldJob(on: cache)
        #expect(try await writerCache() == BatchJobPageCache.size)
        let importJob = try await HeldJob(on: cache)
        try await pass.end()
        #expect(try await writerCache() == BatchJobPageCache.size, "the pass ended; the import still runs")
        try await importJob.end()
        #expect(try await writerCache() == own, "the last job restored the store's own size")
    }

    @Test func aJobThatThrowsRestoresTheCacheAndSkipsItsFinish() async throws {
        let store = try TemporaryStore()
        let cache = BatchJobPageCache(database: store.pool)
        let own = try await store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA cache_size")! }
        struct Broken: Error {}
        await #expect(throws: Broken.self) {
            try await cache.run { throw Broken() } finished: { _ in Issue.record("finish ran after a failed job") }
        }
        let after = try await store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA cache_size")! }
        #expect(after == own)
    }
}

/// A batch job that has started on the cache and runs until told to end.
private struct HeldJob {
    private let task: Task<Void, any Error>
    private let release: AsyncStream<Void>.Continuation

    init(on cache: BatchJobPageCache) async throws {
        let (mayEnd, release) = AsyncStream.makeStream(of: Void.self)
        let (started, markStarted) = AsyncStream.makeStream(of: Void.self)
        task = Task {
            try await cache.run {
                markStarted.yield()
                for await _ in mayEnd { break }
            }
        }
        self.release = release
        for await _ in started { break }
    }

    func end() async throws {
        release.yield()
        try await task.value
    }
}
