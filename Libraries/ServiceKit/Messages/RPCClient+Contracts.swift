import Contracts
import Foundation
import Messaging

extension RPCClient {
    /// Asks `query`'s owner and decodes its reply, under the query's own routing key.
    ///
    /// - Throws: what ``request(_:body:timeout:)`` throws (no answer in time, broker down), or
    ///   a decoding error for a reply of another shape.
    public func ask<Query: QueryContract>(_ query: Query, timeout: Duration) async throws -> Query.Reply {
        let reply = try await request(Query.routingKey, body: try Envelope.encode(query), timeout: timeout)
        return try JSONCoding.decoder.decode(Query.Reply.self, from: reply)
    }
}
