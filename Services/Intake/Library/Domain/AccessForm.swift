import VietnameseIdentity

/// The body of `POST /api/v1/requests/{code}/tracking` and `…/signing-code`: the phone
/// registered with the request, in any form a customer writes it, proving who asks.
struct AccessForm: RequestForm {
    var phone: String?
}

extension AccessForm {
    /// The body's JSON Schema.
    static let schema = FormSchema([.field(IntakeFields.phoneField)])

    /// The phone, parsed; every problem as a field error.
    func validated() throws(ValidationFailure) -> VietnamesePhoneNumber {
        var validation = Validation()
        let phone = validation.check(IntakeFields.phoneField, phone)
        return try validation.finish { phone }
    }
}
