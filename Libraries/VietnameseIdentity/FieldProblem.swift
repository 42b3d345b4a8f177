/// What is wrong with one input value, independent of where the value sits in a form.
///
/// Parsers (`CitizenID`, `VietnamesePhoneNumber`, `PersonName`) throw errors that adopt this
/// protocol; `Validation` pairs such a problem with the JSON path of the field that held the
/// value to make a `FieldError`. Keeping the path out of the parsers lets the same rule serve
/// `applicant.idNumber` in the intake API and `households[3].idNumber` in the households
/// service.
public protocol FieldProblem: Error, Sendable {
    /// A stable, machine-readable code such as `id_number.invalid_province`.
    ///
    /// Clients branch on it and dashboards count it, so it never changes once shipped;
    /// the wording of `message` may.
    var code: String { get }

    /// The explanation for a person, in Vietnamese and English.
    var message: LocalizedMessage { get }
}
