/// Runs `body` for every item with at most `limit` running at once, as many clients would.
public func concurrently<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async throws -> Result
) async throws -> [Result] {
    try await withThrowingTaskGroup(of: Result.self) { group in
        var results: [Result] = []
        results.reserveCapacity(items.count)
        var next = items.startIndex
        while next < items.endIndex, next - items.startIndex < limit {
            let item = items[next]
            group.addTask { try await body(item) }
            next += 1
        }
        while let result = try await group.next() {
            results.append(result)
            if next < items.endIndex {
                let item = items[next]
                group.addTask { try await body(item) }
                next += 1
            }
        }
        return results
    }
}

/// Runs `body` `count` times with at most `limit` running at once and answers how many calls
/// completed per second: a baseline rate, such as a service's bare `GET /healthz`.
public func callsPerSecond(
    _ count: Int, limit: Int, _ body: @escaping @Sendable () async throws -> Void
) async throws -> Double {
    let start = ContinuousClock.now
    _ = try await concurrently(Array(0..<count), limit: limit) { _ in try await body() }
    return Double(count) / (ContinuousClock.now - start).seconds
}
