import Foundation

/// One element of a rendered page, found by its `id`: the place a test reads the words a
/// person sees there, rather than the whole page (whose forms post codes in their values).
public struct PageElement: Sendable, Equatable {
    /// What is between the element's opening and closing tags, markup kept and the escaped
    /// characters (`&#39;`, `&amp;`…) as a person reads them.
    public let inner: String

    /// The element with `id` in `html`; `nil` when the page has none. Elements of the same
    /// tag nested inside it are not expected.
    public init?(id: String, in html: String) {
        guard let attribute = html.range(of: "id=\"\(id)\""),
              let open = html[..<attribute.lowerBound].lastIndex(of: "<"),
              let openEnd = html[attribute.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = html[html.index(after: open)...].prefix { $0.isLetter || $0.isNumber }
        let body = html[html.index(after: openEnd)...]
        guard let close = body.range(of: "</\(tag)>") else { return nil }
        inner = Self.escapes.reduce(String(body[..<close.lowerBound])) { text, escape in
            text.replacingOccurrences(of: escape.key, with: escape.value)
        }
    }

    /// The characters the pages' templates escape; `&amp;` last, so that an escaped escape stays as written.
    private static let escapes: KeyValuePairs = ["&#39;": "'", "&quot;": "\"", "&lt;": "<", "&gt;": ">", "&amp;": "&"]
}
