import ServiceKit

/// Gathers every invalid field of a staff form, so that one 422 names them all.
struct FormProblems {
    private var found: [APIError] = []

    mutating func add(_ field: String, code: String, vi: String, en: String) {
        found.append(APIError(status: .unprocessableContent, field: field, code: code, vi: vi, en: en))
    }

    /// A required text that is missing, blank or longer than `limit` characters.
    mutating func checkText(_ value: String?, field: String, required: Bool, limit: Int) {
        let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty {
            if required {
                add(field, code: "\(field).required", vi: "Trường này là bắt buộc", en: "This field is required")
            }
        } else if text.count > limit {
            add(field, code: "\(field).too_long", vi: "Không được dài quá \(limit) ký tự",
                en: "At most \(limit) characters")
        }
    }

    /// The trimmed text of a form whose one field is a required text: a 422 naming the field
    /// when it is missing, blank or longer than `limit` characters.
    static func requiredText(_ value: String?, field: String, limit: Int) throws -> String {
        var problems = FormProblems()
        problems.checkText(value, field: field, required: true, limit: limit)
        try problems.check()
        guard let text = value.trimmedText else { throw APIError.malformed(field: field) }
        return text
    }

    /// Throws a 422 naming every problem found, if any.
    func check() throws {
        guard found.isEmpty else {
            throw APIError(status: .unprocessableContent, errors: found.flatMap(\.errors))
        }
    }
}

extension Optional where Wrapped == String {
    /// The text trimmed, `nil` when absent or blank.
    var trimmedText: String? {
        flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
