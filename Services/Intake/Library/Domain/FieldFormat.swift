import VietnameseIdentity

/// What a text field of a public form accepts, said once: the parser the validator runs and
/// the JSON Schema the API document shows for the same rule.
///
/// Keeping the two in one value is what lets the OpenAPI document say exactly what the API
/// takes: a format built from a limit or a list of choices (``text(maximum:)``,
/// ``choice(_:)``) derives both sides from that value, and a format around a parser of its own
/// (a phone, an ID number) stands next to the pattern that describes it, where a test holds
/// the two together on the same samples.
struct FieldFormat<Value>: Sendable {
    /// The JSON Schema of an accepted value, as the API document shows it.
    var schema: JSONValue { describe() }
    /// Worked out only when the API document is: a served area's pattern names every commune
    /// of the service area, and building it for every form checked was a tenth of the CPU an
    /// outage report cost.
    private let describe: @Sendable () -> JSONValue
    private let parser: @Sendable (String) throws(AnyFieldProblem) -> Value

    /// A format checked by `parse`, described by `schema`.
    init<Problem: FieldProblem>(schema: @autoclosure @escaping @Sendable () -> JSONValue,
                                parse: @escaping @Sendable (String) throws(Problem) -> Value) {
        describe = schema
        self.parser = { (text: String) throws(AnyFieldProblem) -> Value in
            do throws(Problem) {
                return try parse(text)
            } catch {
                throw AnyFieldProblem(error)
            }
        }
    }

    /// The value `text` stands for, or the problem that refuses it.
    func parse(_ text: String) throws(AnyFieldProblem) -> Value {
        try parser(text)
    }
}
