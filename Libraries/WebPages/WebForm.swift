import Foundation
import Hummingbird

/// The fields of an HTML form as the browser posts it (`application/x-www-form-urlencoded`),
/// by the inputs' names; a name given twice keeps its last value.
public struct WebForm: Sendable {
    /// The most a form page takes; a bigger body is refused before it is read.
    public static let maximumBodySize = 64 * 1024

    public private(set) var fields: [String: String] = [:]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// Parses `body`: `+` is a space, `%XX` a byte of UTF-8.
    public init(encoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    /// The query of a GET form.
    public init(query request: Request) {
        var fields: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { fields[String(name)] = String(value) }
        self.init(fields: fields)
    }

    /// The posted form of `request`.
    public static func read(_ request: Request) async throws -> WebForm {
        let buffer = try await request.body.collect(upTo: maximumBodySize)
        return WebForm(encoded: String(buffer: buffer))
    }

    public subscript(_ name: String) -> String? { fields[name] }

    /// The field, nil when absent or blank.
    public func text(_ name: String) -> String? {
        fields[name].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
