import Foundation

/// What a client of a service's HTTP API gets back: the status, the headers and the body.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var location: String?
    public var body: Data
    /// Every header line, names in lower case, values in the order they came.
    public var headers: [String: [String]]

    public init(status: Int, location: String?, body: Data, headers: [String: [String]] = [:]) {
        self.status = status
        self.location = location
        self.body = body
        self.headers = headers
    }

    /// The first value of the header `name` (any case).
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]?.first
    }

    /// The body as a JSON object (empty when it is not one).
    public func json() throws -> [String: any Sendable] {
        try JSONSerialization.jsonObject(with: body) as? [String: any Sendable] ?? [:]
    }

    /// The `field`s of an error answer (`{"errors":[{"field":…}]}`), in order.
    public func errorFields() throws -> [String] {
        try errors().compactMap { $0["field"] as? String }
    }

    /// The `code`s of an error answer, in order.
    public func errorCodes() throws -> [String] {
        try errors().compactMap { $0["code"] as? String }
    }

    /// The English message of the first error.
    public func englishMessage() throws -> String? {
        (try errors().first?["message"] as? [String: String])?["en"]
    }

    /// The body as JSON, or throws naming the status and body when the status is not `expected`.
    public func expect(_ expected: Int) throws -> [String: any Sendable] {
        try expectStatus(expected).json()
    }

    /// The answer itself, or throws naming the status and body when the status is not
    /// `expected`: for answers whose body is not JSON, such as a health check's plain `ok`.
    @discardableResult
    public func expectStatus(_ expected: Int) throws -> HTTPAnswer {
        guard status == expected else { throw FixtureError("expected HTTP \(expected), got \(self)") }
        return self
    }

    /// The body as text, to check what it does not contain.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The value of the sample `name` (with its labels as written, `readiness_check_passing{check="store"}`)
    /// in a `/metrics` answer, or nil when the body has no such sample.
    public func metric(_ name: String) -> Double? {
        text.split(separator: "\n").lazy
            .filter { $0.hasPrefix(name + " ") }
            .compactMap { Double($0.dropFirst(name.count + 1)) }
            .first
    }

    private func errors() throws -> [[String: Any]] {
        try json()["errors"] as? [[String: Any]] ?? []
    }
}

extension HTTPAnswer: CustomStringConvertible {
    public var description: String {
        "HTTP \(status) \(String(decoding: body.prefix(600), as: UTF8.self))"
    }
}
