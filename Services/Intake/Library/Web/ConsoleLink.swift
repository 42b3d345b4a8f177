import Foundation

/// Addresses of the call-centre console with a caller's details in the query, for its links
/// and for the incoming-call events.
///
/// Why not `URLComponents`: it leaves `+` as it is in a query, and a form decodes `+` as a
/// space, so `+84905123456` would arrive as ` 84905123456`. Everything but the unreserved
/// characters is percent-encoded here.
enum ConsoleLink {
    /// The characters left as they are (RFC 3986's unreserved).
    private static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// `path?name=value&…` with the fields that have a value; `path` alone when none has.
    static func to(_ path: String, _ fields: [(name: String, value: String?)]) -> String {
        let query = fields.compactMap { field in
            field.value.map { "\(encode(field.name))=\(encode($0))" }
        }.joined(separator: "&")
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
