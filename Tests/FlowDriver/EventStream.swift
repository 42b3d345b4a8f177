import AsyncHTTPClient
import Foundation
import NIOCore
import TestSupport

/// A server-sent event stream (`text/event-stream`) read as a browser's `EventSource` reads it:
/// events split on blank lines, `event:` naming them, `data:` lines joined, comments skipped.
public final class EventStream: Sendable {
    /// One event.
    public struct Event: Sendable, Equatable {
        public var name: String
        public var data: String
    }

    /// The HTTP status the stream was answered with.
    public let status: Int
    private let events: AsyncThrowingStream<Event, any Error>
    private let reader: Task<Void, Never>

    private init(status: Int, events: AsyncThrowingStream<Event, any Error>, reader: Task<Void, Never>) {
        self.status = status
        self.events = events
        self.reader = reader
    }

    deinit { reader.cancel() }

    /// Opens `url` with `headers` (a session cookie), as `EventSource` does.
    public static func open(_ url: String, headers: [String: String] = [:]) async throws -> EventStream {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "text/event-stream")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .hours(1))
        let (events, continuation) = AsyncThrowingStream.makeStream(of: Event.self)
        let reader = Task {
            var pending = ""
            do {
                for try await buffer in response.body {
                    pending += String(buffer: buffer)
                    while let end = pending.range(of: "\n\n") {
                        let block = pending[..<end.lowerBound]
                        pending = String(pending[end.upperBound...])
                        if let event = Self.event(block) { continuation.yield(event) }
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return EventStream(status: Int(response.status.code), events: events, reader: reader)
    }

    /// The next event, or a failure after `timeout`.
    public func next(within timeout: Duration = .seconds(15)) async throws -> Event {
        let events = events
        return try await withThrowingTaskGroup(of: Event?.self) { group in
            group.addTask {
                var iterator = events.makeAsyncIterator()
                return try await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let event = try await group.next() ?? nil else {
                throw FixtureError("no event within \(timeout)")
            }
            return event
        }
    }

    /// Stops reading: the server sees the browser leave.
    public func close() {
        reader.cancel()
    }

    private static func event(_ block: Substring) -> Event? {
        var name = "message"
        var data: [Substring] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") { continue }
            if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("data:") { data.append(line.dropFirst(5).drop { $0 == " " }) }
        }
        return data.isEmpty ? nil : Event(name: name, data: data.joined(separator: "\n"))
    }
}
