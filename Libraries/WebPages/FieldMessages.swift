import Foundation
import VietnameseIdentity

/// The field errors of a refused form, by the input they belong to, in the page's language:
/// the message shown beside the field, and the ids that tie it to the input for screen readers.
public struct FieldMessages: Sendable {
    private var messages: [String: String] = [:]
    /// Every message in the order found, for the summary at the top of the form.
    public private(set) var all: [[String: String]] = []

    public init() {}

    /// - Parameter field: where an error about the request as a whole (no field) is shown, if
    ///   anywhere but the summary: beside the field that names what was asked for.
    public init(_ errors: [FieldError], in language: PageLanguage, wholeRequestAt field: String? = nil) {
        for error in errors.map({ error in
            guard error.field.isEmpty, let field else { return error }
            return FieldError(field: field, code: error.code, message: error.message)
        }) {
            let text = language.pick(error.message.vi, error.message.en)
            if messages[error.field] == nil { messages[error.field] = text }
            all.append(["field": error.field, "id": Self.id(error.field), "message": text])
        }
    }

    public var isEmpty: Bool { all.isEmpty }

    /// The message of `field` (a JSON path such as `applicant.phone`), if any.
    public subscript(_ field: String) -> String? { messages[field] }

    /// The input's id for `field`: its path with `.`, `[` and `]` as `-`.
    public static func id(_ field: String) -> String {
        String(field.map { ".[]".contains($0) ? "-" : $0 }).replacingOccurrences(of: "--", with: "-")
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
