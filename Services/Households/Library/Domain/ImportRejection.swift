import VietnameseIdentity

/// One field of one row an import could not take, located as an operator finds it in the file.
public struct ImportRejection: Sendable, Codable, Equatable {
    /// The 1-based line the row starts on.
    public var line: Int
    /// The column (or the API field path) at fault; `row` when the row as a whole is.
    public var field: String
    public var code: String
    public var message: LocalizedMessage
}

/// A row an import cannot take, with each reason.
struct RejectedRow: Error, Sendable {
    var rejections: [ImportRejection]

    /// Each field error of the row at `line`.
    init(_ failure: ValidationFailure, line: Int) {
        rejections = failure.errors.map { ImportRejection(line: line, field: $0.field, code: $0.code, message: $0.message) }
    }

    init(_ problem: ImportProblem, line: Int, field: String) {
        rejections = [problem.rejection(line: line, field: field)]
    }
}

extension ImportRejection {
    init(line: Int, field: String, problem: HouseholdsProblem) {
        self.init(line: line, field: field, code: problem.code, message: problem.message)
    }
}
