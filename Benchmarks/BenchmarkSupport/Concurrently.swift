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
