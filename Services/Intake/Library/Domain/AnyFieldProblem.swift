import VietnameseIdentity

/// Whatever a field's parser found wrong, as one type, so that the formats of
/// ``FieldFormat`` can hold parsers with different error types side by side.
struct AnyFieldProblem: FieldProblem {
    let code: String
    let message: LocalizedMessage

    init(_ problem: any FieldProblem) {
        code = problem.code
        message = problem.message
    }
}
