import Hummingbird
import ServiceKit
import VietnameseIdentity

extension Request {
    /// The body as a ``RequestForm``, checked by `validate`: 400/413 for a body that is not the
    /// form, 422 with every field error.
    mutating func form<Form: RequestForm, Value>(
        _ type: Form.Type, _ validate: (Form) throws -> Value
    ) async throws -> Value {
        let form = try await decodeJSON(Form.self)
        do {
            return try validate(form)
        } catch let failure as ValidationFailure {
            throw APIError.invalid(failure)
        }
    }
}
