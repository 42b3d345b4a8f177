import Foundation

/// An HTTP answer as a client sees it: the status and the body.
public struct APIAnswer: Sendable, CustomStringConvertible {
    public let status: Int
    public let body: Data

    /// The body as a JSON object (empty when it is not one).
    public func json() -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// The `field`s named by an error answer (`{"errors":[{"field":…}]}`), in order.
    public func errorFields() -> [String] {
        (json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    /// The body as JSON, or throws naming the status and body when the status is not `expected`.
    public func expect(_ expected: Int) throws -> [String: Any] {
        guard status == expected else { throw FlowError("expected HTTP \(expected), got \(self)") }
        return json()
    }

    public var description: String {
        "HTTP \(status) \(String(decoding: body.prefix(600), as: UTF8.self))"
    }
}
