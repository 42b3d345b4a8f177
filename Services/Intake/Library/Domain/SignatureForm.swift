import VietnameseIdentity

/// The body of `POST /api/v1/requests/{code}/signature`: the registered phone and the code
/// sent to it.
struct SignatureForm: RequestForm {
    var phone: String?
    var signingCode: String?
}

extension SignatureForm {
    static let signingCodeField = FieldDeclaration<SigningCode>.required("signingCode", .signingCode, "The six digits sent by SMS; spaces are ignored.")

    /// The body's JSON Schema.
    static let schema = FormSchema([.field(IntakeFields.phoneField), .field(signingCodeField)])

    /// The phone and the code, parsed; every problem as a field error.
    func validated() throws(ValidationFailure) -> (phone: VietnamesePhoneNumber, code: SigningCode) {
        var validation = Validation()
        let phone = validation.check(IntakeFields.phoneField, phone)
        let code = validation.check(Self.signingCodeField, signingCode)
        return try validation.finish {
            guard let phone, let code else { return nil }
            return (phone, code)
        }
    }
}
