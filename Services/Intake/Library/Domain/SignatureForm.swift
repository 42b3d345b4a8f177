import VietnameseIdentity

/// The body of `POST /api/v1/requests/{code}/signature`: the registered phone and the code
/// sent to it.
struct SignatureForm: RequestForm {
    static let requiredFields: Set<String> = ["phone", "signingCode"]

    var phone: String?
    var signingCode: String?
}

extension SignatureForm {
    /// The phone and the code, parsed; every problem as a field error.
    func validated() throws(ValidationFailure) -> (phone: VietnamesePhoneNumber, code: SigningCode) {
        var validation = Validation()
        let phone = validation.required("phone", phone, VietnamesePhoneNumber.init)
        let code = validation.required("signingCode", signingCode) { (text: String) throws(IntakeProblem) in
            try SigningCode(typed: text)
        }
        try validation.finish()
        return (phone!, code!)
    }
}
